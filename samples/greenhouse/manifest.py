# Firmware manifest for a greenhouse controller: a vent motor, a heater relay, two
# thermometers and a small display. Freeze it with
#   ./freezer freeze -o target/greenhouse/frozen_content.c -b target/greenhouse \
#       -v MPY_LIB_DIR=samples/greenhouse/lib samples/greenhouse/manifest.py
# or see what it resolves to with
#   ./freezer manifest samples/greenhouse/manifest.py -v MPY_LIB_DIR=samples/greenhouse/lib

metadata(description="Greenhouse controller", version="2.1.0")

# The board folder has its own manifest; options select what it adds.
include("board", display=True)

# The application package (every .py below app/) and the entry point.
package("app")
module("main.py", opt=1)

# Libraries in micropython-lib's layout under $(MPY_LIB_DIR): ringlog requires strfmt.
require("ringlog")

# Field scripts kept as source text, compiled when imported.
freeze_as_str("scripts")
