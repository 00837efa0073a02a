#!/bin/bash
# Makes a new X display (Xvfb) one on which a GTK 3 program has already run, as on any desktop session.
# usage: DISPLAY=:99 src/bench/scripts/desktop-display.sh   (window-ready.sh -g and window-memory.sh -g call it)
# The first GTK 3 program on an X server loads the system's OpenGL (on a machine without a GPU: Mesa's software
# driver and its LLVM, ~50 MB resident) to choose its visuals, and records the choice on the root window
# (GDK_VISUALS); every later GTK 3 program, JavaFX's window among them, reads it and loads no OpenGL for it. On a
# private Xvfb the measured program is that first one; here a bare gtk_init in a process of its own, which exits at
# once, takes that part. Prints the recorded visuals. Needs: libgtk-3-0, python3, x11-utils.
set -eu
python3 -c 'import ctypes, sys; sys.exit(0 if ctypes.CDLL("libgtk-3.so.0").gtk_init_check(None, None) else 1)'
xprop -root GDK_VISUALS >&2
