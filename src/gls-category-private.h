/* gls-category-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-category.h"

G_BEGIN_DECLS

GlsCategory *_gls_category_new         (const char  *id,
                                        const char  *label) G_GNUC_WARN_UNUSED_RESULT;
void         _gls_category_set_n_terms (GlsCategory *self,
                                        guint        n_terms);

G_END_DECLS
