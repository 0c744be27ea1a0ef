"""Scanning: one path for every code, from a handheld scanner's burst or a camera's frame.

recogniser → classifier → router:
- the recogniser (``ui.scanning.recogniser``: a keyboard-wedge scanner's burst of keys; the camera view:
  ``app.scanning.decode`` reads a frame) hands over the text it got;
- the classifier (``app.scanning.codes.read_code``; GS1 through ``app.scanning.gs1``, HIBC through
  ``app.scanning.hibc``) says what the text may be, most likely first;
- the router (``ui.scanning.router``) gives it to the field or dialog waiting for a scan, else shows what
  it names in the database (``app.scanning.lookup.find_scanned``).
"""
