/* gls-fold.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The search form of a text: case folded, accents dropped, compatibility
 * forms replaced by their base characters.  Every character that is neither
 * a letter nor a digit breaks words; apostrophes join them.
 *
 * GLS_FOLD_COMPACT keeps letters and digits only, so "Omni-channel",
 * "omni channel" and "Omnichannel" all become "omnichannel".
 * GLS_FOLD_WORDS keeps one space between words: "omni channel".
 */
typedef enum
{
  GLS_FOLD_COMPACT,
  GLS_FOLD_WORDS,
} GlsFoldMode;

void  gls_fold_append (GString     *out,
                       const char  *text,
                       gssize       length,
                       GlsFoldMode  mode,
                       GArray      *source_offsets);
char *gls_fold        (const char  *text,
                       GlsFoldMode  mode) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
