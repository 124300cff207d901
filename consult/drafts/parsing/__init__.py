"""The pieces of the draft-structure parser; import the public API from consult.drafts.structure."""
