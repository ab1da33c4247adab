# The second thermometer, fitted on boards with two sensors.
THERMO_B = 33
