"""The JSON Schema of the output, generated from the document model (pipeline/document.py)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from pipeline.document import SCHEMA_VERSION, Document

SHIPPED = Path(__file__).parent / "resources" / "document.schema.json"


def generate() -> dict:
    schema = Document.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://intervju.example/schema/document-{SCHEMA_VERSION}.json"
    return schema


def render() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2) + "\n"


def write_shipped() -> Path:
    SHIPPED.parent.mkdir(parents=True, exist_ok=True)
    SHIPPED.write_text(render(), encoding="utf-8")
    return SHIPPED


@lru_cache(maxsize=1)
def validator():
    # jsonschema-rs validates a document of thousands of tokens in about a millisecond; the pure
    # Python validators take hundreds, more than the parser itself.
    import jsonschema_rs

    schema = json.loads(SHIPPED.read_text(encoding="utf-8")) if SHIPPED.is_file() else generate()
    return jsonschema_rs.validator_for(schema)


def validation_errors(data: dict) -> list[str]:
    v = validator()
    if v.is_valid(data):
        return []
    return [f"{'/'.join(map(str, e.instance_path)) or '(root)'}: {e.message}" for e in v.iter_errors(data)]
