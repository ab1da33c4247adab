# One step of the control loop: heater on below the target, vent open above it.
from app import schedule

HYSTERESIS = 5


class Controller:
    def __init__(self):
        self.heater = False
        self.vent = 0

    def step(self, hour, tenths):
        goal = schedule.target(hour)
        if tenths < goal - HYSTERESIS:
            self.heater = True
        elif tenths > goal + HYSTERESIS:
            self.heater = False
        self.vent = max(0, min(100, (tenths - goal) * 4))
        return self.heater, self.vent
