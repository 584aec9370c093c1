"""The course's instructor and maintainer tools (not imported by any chapter).

Each module is a command, run from a clone of the repository::

    python -m course_tools.execute notebooks/NN_name.ipynb  # re-run, normalise, save
    python -m course_tools.handout notebooks/ --out handout/  # chapters without solutions
    python -m course_tools.colab OWNER/REPO                 # point the badges at a fork
    python -m course_tools.figures                          # re-render assets/*.png
    python -m course_tools.new_chapter 08 "Title"           # start a new chapter

They need the ``tools`` extra (``pip install -e ".[tools]"``); the learner's
package, ``course_utils``, needs none of it.
"""
