"""The YAML parser's messages in French, by the English text libyaml gives."""

from __future__ import annotations

PROBLEMS_FR = {
    "did not find expected key": "clé attendue introuvable (indentation incohérente\u00a0?)",
    "mapping values are not allowed in this context": (
        "« : » inattendu ici (une valeur contenant « : » doit être mise entre guillemets)"
    ),
    "found character that cannot start any token": "caractère qui ne peut commencer aucun élément YAML",
    "could not find expected ':'": "« : » attendu introuvable",
    "did not find expected '-' indicator": "tiret « - » d'élément de liste attendu introuvable",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet ou crochet non fermé\u00a0?)",
    "did not find expected node content": "valeur attendue introuvable",
    "block sequence entries are not allowed in this context": "élément de liste « - » non permis ici",
    "found unknown escape character": "séquence d'échappement inconnue entre guillemets doubles",
    "did not find expected ',' or ']'": "« , » ou « ] » attendu introuvable",
    "did not find expected ',' or '}'": "« , » ou « } » attendu introuvable",
    "did not find expected comment or line break": "commentaire ou fin de ligne attendu",
    "found unexpected ':'": "« : » inattendu",
    "found incompatible YAML document": "version de YAML incompatible",
    "found duplicate %YAML directive": "directive %YAML en double",
    "did not find expected <document start>": (
        "contenu inattendu après la fin du document (indentation incohérente ou « : » manquant\u00a0?)"
    ),
    "found unexpected document indicator": "« --- » ou « ... » inattendu au milieu d'une valeur",
    "found unknown directive name": "directive « % » inconnue (une ligne ne peut pas commencer par « % »)",
    "could not find expected directive name": "nom de directive attendu après « % »",
    "did not find expected whitespace or line break": "espace ou fin de ligne attendu",
    "did not find expected whitespace": "espace attendu",
    "did not find expected alphabetic or numeric character": "lettre ou chiffre attendu (nom "
    "d'ancre ou d'alias\u00a0?)",
    "found an indentation indicator equal to 0": "indicateur d'indentation nul dans un bloc « | » ou « > »",
    "found invalid Unicode character escape code": "code d'échappement Unicode invalide entre guillemets doubles",
    "did not find expected hexdecimal number": "chiffre hexadécimal attendu dans une séquence d'échappement",
    "mapping keys are not allowed in this context": "clé non permise ici",
    "found unexpected non-alphabetical character": "caractère inattendu dans une directive",
    "found undefined tag handle": "préfixe d'étiquette non défini",
    "did not find expected tag URI": "étiquette YAML mal formée",
    "did not find URI escaped octet": "étiquette YAML mal formée (échappement %)",
    "did not find the expected '>'": "« > » attendu pour fermer l'étiquette",
    "did not find expected '!'": "« ! » attendu dans l'étiquette",
    "found duplicate %TAG directive": "directive %TAG en double",
    "found extremely long version number": "numéro de version YAML trop long",
    "did not find expected digit or '.' character": "chiffre ou « . » attendu dans la version YAML",
    "did not find expected version number": "numéro de version YAML attendu",
    "incompatible %YAML directive": "directive %YAML incompatible",
}
