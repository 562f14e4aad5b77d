"""Fair pages: public (`public.py`, under /hoi-cho/) and the promotion staff console (`staff_*.py`, under
/quan-ly/hoi-cho/). Views parse input, call fair services and selectors, and render."""
