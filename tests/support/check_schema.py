"""Checks every built-in routine file against the JSON Schema in data/schema/.

The program's own loader is the judge of a file; this keeps the schema that editors use in
step with it. Exit 77 (skipped) when python3-jsonschema is not installed.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped")
    sys.exit(77)

schema_path, *files = sys.argv[1:]
with open(schema_path, encoding="utf-8") as f:
    validator = jsonschema.Draft202012Validator(json.load(f))
problems = 0
for path in files:
    with open(path, encoding="utf-8") as f:
        for error in validator.iter_errors(json.load(f)):
            problems += 1
            where = "/" + "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
print(f"{len(files)} files, {problems} problems")
sys.exit(1 if problems else 0)
