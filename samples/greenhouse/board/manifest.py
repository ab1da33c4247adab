# Board support. Options: display (bool), sensors (number of thermometers).
options.defaults(display=False, sensors=2)

module("pins.py")
if options.display:
    require("ssd1306_mini")
if options.sensors > 1:
    module("pins_extra.py")
