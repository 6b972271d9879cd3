"""The human loop: release, edit, delete held mail; notices to writers; replies in plain words."""
