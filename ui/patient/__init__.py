"""The Patient tab: find a patient, open the record, see the aids, edit the phone."""
