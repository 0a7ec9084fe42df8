# A function bound with `run:`: one JSON request per line on stdin, one JSON answer per line on stdout.
# full_column requests carry the row group's rows: {"rows": [...], "params": ...} -> {"rows": [...]}.
import json
import sys

for line in sys.stdin:
    request = json.loads(line)
    rows = request["rows"]
    for row in rows:
        row["review_clean"] = row["review"].strip().lower()
        row["review_length"] = len(row["review_clean"])
    print(json.dumps({"rows": rows}), flush=True)
