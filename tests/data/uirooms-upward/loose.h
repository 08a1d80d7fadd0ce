// A file outside every room.
