"""Realistic synthetic dossiers for benchmarks: deterministic for a seed, 10 to 40 members."""

from __future__ import annotations

import random
from pathlib import Path

from stdnum import luhn

COMMUNES = [
    "38563",
    "38239",
    "38565",
    "38337",
    "38517",
    "38416",
    "38559",
    "26281",
    "26057",
    "26362",
    "13100",
    "13097",
    "13108",
    "13027",
    "13035",
    "59512",
    "35360",
    "29103",
    "46102",
    "09225",
]
FORMS = [
    "association",
    "cooperative",
    "commercial_company",
    "commercial_company",
    "mutual",
    "foundation",
    "sole_proprietorship",
    "gie",
]
CATEGORIES = ["enterprise"] * 6 + ["local_authority", "research", "training", "other"]
KINDS = ["shared_jobs", "employer_group", "shared_premises", "group_purchasing", "shared_hr", "shared_services"]


def _siret(rng: random.Random) -> str:
    base = f"{rng.randrange(10**7, 10**8)}"
    siren = base + luhn.calc_check_digit(base)
    nic = f"{rng.randrange(1, 9999):04d}"
    return siren + nic + luhn.calc_check_digit(siren + nic)


def _member(rng: random.Random, index: int) -> list[str]:
    category = rng.choice(CATEGORIES)
    form = "local_authority" if category == "local_authority" else rng.choice(FORMS)
    lines = [
        f"  - name: Membre {index}",
        f"    x_note: {rng.choice(['Atelier', 'Coop', 'Réseau', 'Ferme'])} de la vallée",
        f"    legal_form: {form}",
        f"    category: {category}",
        f'    siret: "{_siret(rng)}"',
        f'    commune: "{rng.choice(COMMUNES)}"',
        f"    commitment: {rng.choice(['letter', 'agreement', 'none'])}",
        f"    headcount: {rng.randrange(1, 200)}",
        f"    turnover_eur: {rng.randrange(10_000, 5_000_000)}",
    ]
    if form == "commercial_company" and rng.random() < 0.3:
        lines.append("    ess_statutes: true")
    return lines


def _line(label: str, kind: str, yearly: int) -> str:
    return f"    - {{label: {label}, kind: {kind}, amounts: {{2016: {yearly}, 2017: {yearly}, 2018: {yearly}}}}}"


def dossier(seed: int) -> str:
    rng = random.Random(seed)
    members = rng.randrange(10, 41)
    grant = rng.randrange(3, 20) * 15_000
    lines = [
        "format: ptce-dossier/1",
        f"call: {rng.choice(['ptce-2013', 'ptce-2015'])}",
        f"submitted_at: 2015-06-{rng.randrange(1, 31):02d}",
        "pole:",
        f"  name: Pôle synthétique {seed}",
        f"  legal_form: {rng.choice(['association', 'cooperative'])}",
        f"  stage: {rng.choice(['emerging', 'consolidating'])}",
        "  contact: {name: Camille Martin, email: contact@example.org}",
        "territory:",
        f"  name: Territoire {seed}",
        "  communes: [" + ", ".join(f'"{c}"' for c in rng.sample(COMMUNES, 6)) + "]",
        f"  population: {rng.randrange(20_000, 300_000)}",
        "  difficulties:",
        f"    unemployment_rate: {rng.randrange(60, 150) / 10}",
        "    deindustrialised: true",
        "    notes: Fermetures d'usines depuis 2008.",
        "members:",
    ]
    for index in range(members):
        lines += _member(rng, index)
    lines += [
        "cooperation:",
        "  strategy: Mutualiser des moyens et coopérer sur une filière locale.",
        "  governance: {bodies: [comité de pilotage, assemblée], charter_signed: true, meetings_per_year: 6}",
        "  mutualisations:",
    ]
    for index in range(rng.randrange(1, 5)):
        lines += [
            f"    - kind: {rng.choice(KINDS)}",
            f"      description: Mutualisation {index}",
            f"      members: [Membre 0, Membre {index + 1}]",
        ]
    lines += [
        "project:",
        f"  title: Projet {seed}",
        "  summary: Développer des activités locales.",
        "  innovation: {kind: social, description: Une coopération nouvelle entre ESS et PME.}",
        "  sectors: [circular_economy, local_food]",
        "jobs:",
        f"  created_fte: {rng.randrange(0, 40)}",
        f"  insertion_paths: {rng.randrange(0, 200)}",
        "  non_relocatable: true",
        "budget:",
        "  years: [2016, 2017, 2018]",
        "  expenses:",
        _line("Animation", "animation", grant).replace("kind: animation", "category: animation"),
        "  resources:",
        _line("Subvention", "state_grant_requested", grant // 3),
        _line("Région", "local_authority", grant // 5),
        _line("Ventes", "own_revenue", grant - grant // 3 - grant // 5),
        f"  requested_grant_eur: {grant}",
    ]
    return "\n".join(lines) + "\n"


def write_dossiers(folder: Path, count: int, seed: int = 20131) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"dossier-{index:05d}.yaml"
        path.write_text(dossier(seed + index), encoding="utf-8")
        paths.append(path)
    return paths
