// Cairo (PNG, SVG and PDF surfaces) and Pango text for the headless chart renderer.
#ifndef COHORT_CCAIRO_SHIM_H
#define COHORT_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>
#endif
