#!/usr/bin/env python3
"""Draws docs/<Model>.png for every model in processes/ with bpmn-js (the renderer Cockpit uses) in headless
Chromium. Needs npm and chromium: python3 docs/render-diagrams.py [Model ...]"""
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
work = pathlib.Path(tempfile.mkdtemp(prefix="diagrams-"))
subprocess.run(["npm", "install", "--silent", "--prefix", str(work), "bpmn-js@17"], check=True)
assets = work / "node_modules" / "bpmn-js" / "dist"

names = sys.argv[1:] or sorted(p.stem for p in (ROOT / "processes").glob("*.bpmn"))
for name in names:
    xml = (ROOT / "processes" / f"{name}.bpmn").read_text(encoding="utf-8")
    bounds = [tuple(map(float, b)) for b in re.findall(r'<dc:Bounds x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', xml)]
    width = int(max(x + w for x, _, w, _ in bounds)) + 60
    height = int(max(y + h for _, y, _, h in bounds)) + 60
    page = work / f"{name}.html"
    page.write_text(f"""<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{assets}/assets/bpmn-js.css"><link rel="stylesheet" href="{assets}/assets/diagram-js.css">
<link rel="stylesheet" href="{assets}/assets/bpmn-font/css/bpmn.css">
<style>html,body{{margin:0;background:#fff}} #c{{width:{width}px;height:{height}px}} .bjs-powered-by{{display:none}}</style>
<script src="{assets}/bpmn-viewer.production.min.js"></script></head><body><div id="c"></div><script>
const viewer = new BpmnJS({{container: '#c'}});
viewer.importXML({json.dumps(xml)}).then(() => viewer.get('canvas').zoom('fit-viewport', 'auto'));
</script></body></html>""", encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--virtual-time-budget=15000", "--hide-scrollbars", f"--window-size={width},{height}",
                    f"--screenshot={ROOT / 'docs' / (name + '.png')}", page.as_uri()], check=True, capture_output=True)
    print(f"docs/{name}.png {width}x{height}")
