/* gls-swar-private.h: eight bytes of text at once, in a 64-bit word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/* @byte in each of the 8 bytes of a word. */
#define GLS_BYTES(byte) (G_GUINT64_CONSTANT (0x0101010101010101) * (byte))

/* The 8 bytes at @p, the first of them lowest. */
static inline guint64
gls_swar_load (const char *p)
{
  guint64 word;

  memcpy (&word, p, sizeof word);
  return GUINT64_FROM_LE (word);
}

/* Which bytes of @word equal @byte, by their 0x80 bits: exact for the lowest
 * such byte, which is all gls_swar_first() reads.
 */
static inline guint64
gls_swar_find (guint64 word,
               guchar  byte)
{
  guint64 flipped = word ^ GLS_BYTES (byte);

  return (flipped - GLS_BYTES (0x01)) & ~flipped & GLS_BYTES (0x80);
}

/* The index of the lowest byte marked in @marks, which is not 0. */
static inline guint
gls_swar_first (guint64 marks)
{
  return (guint) __builtin_ctzll (marks) / 8;
}

G_END_DECLS
