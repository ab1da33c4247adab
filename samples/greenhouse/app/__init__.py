# The controller application: a schedule of target temperatures and the control loop.
