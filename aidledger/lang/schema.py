"""The shape every language file has: which sections, and what each holds.

Written once from the French and English files, checked for every file by
``tests/lang/test_language_files.py``, so that a new language cannot silently miss a
section the code reads (an empty list is fine: the language then has no such cue).
"""

from __future__ import annotations

from typing import Any

#: Top-level sections and, for sections that are mappings, the keys each must have with their types.
SCHEMA: dict[str, type | dict[str, type]] = {
    "lemmatize": bool,
    "numbers": {"scales": dict, "word_values": dict, "words": list, "of": list, "bare_followers": list, "decimal": str,
                "range_from": list, "range_to": list, "half_after_scale": list, "and_a_half": list},
    "currencies": {"names": dict, "after_symbols": list},
    "actors": {"countries": dict, "organisations": dict, "metonyms": dict, "anaphoric": list, "demonyms": dict},
    "cues": {
        key: list
        for key in (
            "aid aid_verb cumulative request refusal sale unit_price background part past aggregate "
            "multi_recipient new report neutral additional top_up conversion opposition distributive receive need "
            "purpose commercial superlative"
        ).split()
    },
    "grammar": {
        key: list
        for key in (
            "articles coordinators prepositions clause_openers indefinite possessives perfect_auxiliaries "
            "future_auxiliaries conditional_auxiliaries"
        ).split()
    },
    "parties": {key: list for key in "recipient agent location venue source people opposition".split()},
    "announcing": {"announce": list},
    "in_kind": {"in_kind": list},
    "stages": {"anticipated": list, "delivered": list},
    "context": {"continuation": list, "now": list, "future": list},
    "series": {"nouns": list, "suffixes": list, "words": dict},
    "mechanisms": {key: list for key in "PDA USAI FMF EPF loan grant other".split()},
    "aid_types": {key: list for key in "military humanitarian financial mixed".split()},
    "items": dict,
    "dates": {"relative": dict, "times_of_day": list, "before": list, "next": list, "last": list, "vague": list, "since": list},
    "speech": {
        key: list
        for key in (
            "verbs incise_verbs sources clause_sources agents complementizers documents issuer_links quoted_as terms "
            "back_references reply_verbs question_verbs unnamed_sources"
        ).split()
    }
    | {"pronouns": dict, "source_pronouns": dict},
    "roles": {"complement_links": list, "titles": dict, "generic": list, "honorifics": dict, "feminine": list},
    "quotes_institutions": list,
    "entities_determiners": list,
}


def problems(data: dict[str, Any]) -> list[str]:
    """What a language file's data lacks or holds in the wrong shape (empty when it fits the schema)."""
    found = [f"{where} holds a YAML boolean: quote the word" for where in _booleans(data)]
    for section, shape in SCHEMA.items():
        if section not in data:
            found.append(f"missing section {section}")
            continue
        value = data[section]
        if isinstance(shape, type):
            if not isinstance(value, shape):
                found.append(f"{section} should be a {shape.__name__}")
            continue
        if not isinstance(value, dict):
            found.append(f"{section} should be a mapping")
            continue
        for key, kind in shape.items():
            if key not in value:
                found.append(f"missing {section}.{key}")
            elif value[key] is not None and not isinstance(value[key], kind):
                found.append(f"{section}.{key} should be a {kind.__name__}")
    return found


#: Settings that are yes/no by design; anywhere else a boolean is a word YAML misread.
FLAGS = frozenset({"lemmatize", "inflected", "pro_drop", "adjectives_follow", "capitalised_nouns", "month_first"})


def _booleans(value: Any, where: str = "") -> list[str]:
    """Where a word of the data became a boolean ("on", "no", "yes" left unquoted) instead of text."""
    if isinstance(value, bool):
        return [where]
    if isinstance(value, list):
        return [w for item in value for w in _booleans(item, where)]
    if not isinstance(value, dict):
        return []
    found = []
    for key, item in value.items():
        path = f"{where}.{key}".lstrip(".")
        if isinstance(key, bool):
            found.append(path)
        elif not (key in FLAGS and isinstance(item, bool)):
            found += _booleans(item, path)
    return found
