# Pin map of the controller board.
VENT_STEP = 12
VENT_DIR = 13
HEATER = 14
THERMO_A = 32
DISPLAY_SDA = 21
DISPLAY_SCL = 22


def describe():
    return "vent %d/%d, heater %d, thermometer %d" % (VENT_STEP, VENT_DIR, HEATER, THERMO_A)
