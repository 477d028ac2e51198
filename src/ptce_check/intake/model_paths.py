"""The dossier model seen as paths: every leaf a form can fill, and each one's annotation."""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo


def bare(annotation: Any) -> Any:
    """The annotation without `| None` and without `Annotated[...]`."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            rest = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


def item_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a list of models (a repeatable block), else None."""
    annotation = bare(annotation)
    if get_origin(annotation) is list:
        inner = bare(get_args(annotation)[0])
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return None


def literal_values(annotation: Any) -> tuple[str, ...] | None:
    """The values of a Literal, or of a list of Literals; None for anything else."""
    annotation = bare(annotation)
    if get_origin(annotation) is list:
        annotation = bare(get_args(annotation)[0])
    if get_origin(annotation) is Literal:
        return tuple(str(value) for value in get_args(annotation))
    return None


def field_at(model: type[BaseModel], dotted: str) -> FieldInfo:
    """The model field a dotted path names (a `{year:N}` step names the amounts map)."""
    info: FieldInfo | None = None
    current: Any = model
    for step in dotted.split("."):
        if step.startswith("{year:"):
            assert info is not None
            return info
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or step not in current.model_fields:
            raise KeyError(dotted)
        info = current.model_fields[step]
        current = bare(info.annotation)
    assert info is not None
    return info


def leaf_paths(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every path a form fills in this model; a list of models is one path (a block), walked apart."""
    paths = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        annotation = bare(info.annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            paths.extend(leaf_paths(annotation, f"{path}."))
        else:
            paths.append(path)
    return paths
