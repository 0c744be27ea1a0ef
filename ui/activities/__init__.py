"""Activities (R23–R27): the "New activity" wizard, the activity search and an activity's detail."""
