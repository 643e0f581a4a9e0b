/* gls-bench.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmark: it writes synthetic glossaries of any size, and measures
 * loading and searching them through the code the window uses.  Figures come
 * out one a line as "name value unit", for scripts to compare; lines that
 * start with '#' give context for people.
 */

/* For memmem(). */
#define _GNU_SOURCE

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "gls-bench-floor.h"
#include "gls-bench-startup.h"
#include "gls-bench-stats.h"
#include "gls-bench-window.h"
#include "gls-fold.h"
#include "gls-loader.h"
#include "gls-result-list.h"
#include "gls-search.h"
#include "gls-xml-loader.h"

#define MAX_TERMS          10000000
#define MIN_NAME_WORDS     1
#define MAX_NAME_WORDS     5
#define MAX_EXTRA_WORDS    3
#define MIN_DEFINITION     20
#define MAX_DEFINITION     80
#define MAX_RELATED        6
#define FLUSH_SIZE         (1 << 20)
#define MIN_LOAD_PASSES    5
#define MAX_LOAD_PASSES    25
#define LOAD_BUDGET_MS     2000.0
#define N_SLOWEST          5

#define GENERATE_SEED      0x9e3779b97f4a7c15u
#define SEARCH_SEED        0x2545f4914f6cdd1du

#define PICK(random, words) random_pick ((random), (words), G_N_ELEMENTS (words))

/*
 * SplitMix64: a small generator of our own, so that the same seed gives the
 * same glossary on every C library.
 */
typedef struct
{
  guint64 state;
} BenchRandom;

static guint64
random_next (BenchRandom *random)
{
  guint64 z = (random->state += 0x9e3779b97f4a7c15u);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
  return z ^ (z >> 31);
}

/* A number in [0, bound). */
static guint
random_below (BenchRandom *random,
              guint        bound)
{
  g_assert (bound > 0);

  return ((random_next (random) >> 32) * bound) >> 32;
}

static gboolean
random_percent (BenchRandom *random,
                guint        percent)
{
  return random_below (random, 100) < percent;
}

/* Picks an index by @weights, which need not add up to anything. */
static guint
random_weighted (BenchRandom *random,
                 const guint *weights,
                 guint        n_weights)
{
  guint total = 0;
  guint roll;

  for (guint i = 0; i < n_weights; i++)
    total += weights[i];
  roll = random_below (random, total);
  for (guint i = 0; i < n_weights; i++)
    {
      if (roll < weights[i])
        return i;
      roll -= weights[i];
    }
  g_assert_not_reached ();
}

static const char *
random_pick (BenchRandom        *random,
             const char * const *words,
             guint               n_words)
{
  return words[random_below (random, n_words)];
}

static double
now_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_MONOTONIC, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* Figures: enough digits to compare, whatever the magnitude. */
static void
report (const char *name,
        double      value,
        const char *unit)
{
  int decimals = value >= 100 ? 1 : value >= 1 ? 2 : value >= 0.01 ? 3 : 4;

  g_print ("%s %.*f %s\n", name, decimals, value, unit);
}

static void
report_count (const char *name,
              guint64     value,
              const char *unit)
{
  g_print ("%s %" G_GUINT64_FORMAT " %s\n", name, value, unit);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* The nearest-rank percentile of @sorted, which is in ascending order. */
double
gls_bench_percentile (GArray *sorted,
                      double  fraction)
{
  guint rank;

  g_assert (sorted->len > 0);

  rank = (guint) (fraction * sorted->len + 0.999999);
  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, double, rank - 1);
}

/* Returns: (transfer full): a sorted copy of @times */
GArray *
gls_bench_sorted_copy (GArray *times)
{
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (double), times->len);

  g_array_append_vals (sorted, times->data, times->len);
  g_array_sort (sorted, compare_doubles);
  return sorted;
}

static double
peak_rss_bytes (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  /* Linux counts ru_maxrss in kilobytes. */
  return usage.ru_maxrss * 1024.0;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = gls_read_file (file, GLS_LOAD_MAX_SIZE, NULL, &error);
  if (bytes == NULL)
    g_printerr ("gls-bench: %s\n", error->message);
  return bytes;
}

/* The synthetic glossary. */

static const char *const qualifiers[] = {
  "Customer", "Client", "User", "Agent", "Brand", "Digital", "Mobile", "Omnichannel",
  "Multichannel", "Self-Service", "Proactive", "Predictive", "Real-Time", "Automated", "Virtual",
  "Social", "Voice", "Chat", "Email", "Web", "Cloud", "Data", "Service", "Support", "Sales",
  "Marketing", "Product", "Account", "Subscription", "Loyalty", "Retention", "Churn", "Feedback",
  "Survey", "Journey", "Experience", "Contact", "Call", "Ticket", "Case", "Knowledge", "Quality",
  "Performance", "Operational", "Strategic", "Tactical", "Global", "Regional", "Enterprise",
  "Partner", "Vendor", "Employee", "Workforce", "Frontline", "Back-Office", "Escalation",
  "Resolution", "Response", "Onboarding", "Renewal", "Upsell", "Cross-Sell", "Revenue",
  "Lifetime", "Net", "Average", "Total", "Weighted", "Effective", "Dynamic", "Personalized",
  "Contextual", "Conversational", "Intelligent", "Cognitive", "Behavioral", "Emotional",
  "Sentiment", "Text", "Speech", "Visual", "Interactive", "Synchronous", "Asynchronous",
  "Inbound", "Outbound", "Blended", "Tiered", "Priority", "Premium", "Standard", "Advanced",
  "Continuous", "Iterative", "Agile", "Lean", "Shared", "Unified", "Integrated", "Centralized",
  "Internal", "External", "Secure", "Compliant", "Regulatory", "Privacy", "Consent", "Identity",
  "Payment", "Billing", "Pricing", "Order", "Delivery", "Fulfillment", "Logistics", "Returns",
  "Warranty", "Field", "Remote", "Hybrid", "Community", "Peer", "Influencer", "Referral",
  "Advocacy", "Engagement", "Satisfaction", "Effort", "Trust", "Value", "Outcome", "Success",
  "Health", "Risk", "Growth", "Adoption", "Usage", "Activation", "Conversion", "Acquisition",
  "Attribution", "Campaign", "Content", "Search", "Insight", "Routing", "Queue", "Language",
  "Machine", "Neural", "API", "Platform", "B2B", "B2C", "SaaS", "24/7", "Q&A", "First-Contact",
  "Closed-Loop", "End-to-End", "Zero-Party", "Café", "Niño", "Über", "Moment", "Micro",
};

static const char *const heads[] = {
  "Rate", "Score", "Index", "Ratio", "Time", "Cost", "Volume", "Level", "Map", "Model",
  "Framework", "Strategy", "Program", "Process", "Policy", "Plan", "Playbook", "Roadmap",
  "Analysis", "Analytics", "Audit", "Assessment", "Review", "Interview", "Test", "Experiment",
  "Segmentation", "Segment", "Persona", "Profile", "Lifecycle", "Funnel", "Pipeline", "Channel",
  "Portal", "System", "Tool", "Software", "Suite", "Engine", "Bot", "Assistant", "Manager",
  "Specialist", "Representative", "Analyst", "Architect", "Designer", "Champion", "Advocate",
  "Owner", "Lead", "Team", "Center", "Desk", "Hub", "Network", "Ecosystem", "Touchpoint",
  "Interaction", "Conversation", "Session", "Inquiry", "Request", "Incident", "Complaint",
  "Handoff", "Transfer", "Callback", "Backlog", "Agreement", "Contract", "Guarantee",
  "Commitment", "Guideline", "Benchmark", "Metric", "Target", "Threshold", "Baseline", "Trend",
  "Forecast", "Prediction", "Signal", "Attrition", "Culture", "Mindset", "Design", "Blueprint",
  "Prototype", "Pilot", "Rollout", "Migration", "Integration", "Automation", "Orchestration",
  "Personalization", "Optimization", "Governance", "Compliance", "Training", "Coaching",
  "Enablement", "Library", "Base", "Article", "Template", "Script", "Macro", "Workflow", "Rule",
  "Trigger", "Alert", "Dashboard", "Report", "Scorecard", "Schedule", "Capacity", "Utilization",
  "Adherence", "Occupancy", "Shrinkage", "Abandonment", "Deflection", "Containment", "Gap",
};

static const char *const alias_suffixes[] = {
  "Approach", "Method", "Practice", "Concept", "Measure", "Discipline", "Technique", "Program",
};

static const char *const adjectives[] = {
  "loyal", "frustrated", "repeat", "high-value", "at-risk", "new", "long-standing", "unresolved",
  "routine", "complex", "urgent", "recurring", "measurable", "consistent", "seamless",
  "personal", "automated", "manual", "costly", "avoidable", "hidden", "critical", "early",
  "late", "digital", "in-person", "multilingual", "self-service", "proactive", "reactive",
  "qualitative", "quantitative", "monthly", "annual", "strategic", "operational", "frontline",
  "cross-functional", "customer-facing", "data-driven", "real-time", "omnichannel", "café-style",
};

static const char *const nouns[] = {
  "business", "service", "product", "brand", "relationship", "experience", "journey", "channel",
  "process", "team", "organization", "workflow", "strategy", "program", "metric", "survey",
  "conversation", "interaction", "account", "subscription", "contract", "queue", "backlog",
  "platform", "dashboard", "roadmap", "budget", "forecast", "policy", "community", "network",
  "portfolio", "pipeline", "segment", "region", "market", "operation", "culture",
};

static const char *const plurals[] = {
  "customers", "agents", "teams", "interactions", "conversations", "contacts", "tickets",
  "cases", "channels", "accounts", "subscriptions", "products", "orders", "surveys",
  "responses", "segments", "journeys", "touchpoints", "workflows", "requests", "complaints",
  "renewals", "metrics", "signals", "insights", "trends", "costs", "outcomes", "expectations",
  "preferences", "needs", "goals", "risks", "habits", "reviews", "ratings", "refunds",
  "escalations", "handoffs", "callbacks", "articles", "macros", "decisions", "priorities",
};

static const char *const verbs[] = {
  "measures", "tracks", "describes", "captures", "combines", "reduces", "improves", "supports",
  "connects", "routes", "predicts", "summarizes", "links", "ranks", "groups", "prioritizes",
  "automates", "records", "compares", "balances", "reveals", "guides", "shapes", "drives",
  "informs", "monitors", "weighs", "highlights", "anticipates", "resolves", "simplifies",
  "aligns", "turns", "filters", "scores",
};

static const char *const periods[] = {
  "a quarter", "a month", "twelve months", "a single week", "a billing cycle",
  "a reporting period", "the first ninety days", "the contract term", "one season",
};

static const char *const contexts[] = {
  "contact centers", "retail banking", "subscription businesses", "B2B software",
  "field service", "e-commerce", "public services", "telecommunications", "healthcare",
  "hospitality", "insurance", "travel", "utilities", "SaaS & cloud services",
};

static const char *const groups[] = {
  "support managers", "team leads", "executives", "product owners", "customer success managers",
  "analysts", "agents", "marketers", "operations leaders", "designers", "researchers",
  "account managers", "quality assurance teams",
};

/*
 * Sentences of definitions.  {A} is an adjective, {N} a noun, {P} a plural,
 * {V} a verb, {T} a period, {C} a context, {G} a group of people and {R} an
 * inline reference to another term, labelled with its name.
 */
static const char *const sentences[] = {
  "A {A} {N} that {V} the {P} of a {N} over {T}.",
  "It {V} {A} {P} and {V} them with {R}.",
  "Teams usually read it together with {R}, because each {V} a different side of the {N}.",
  "In {C}, it {V} {P} before they reach {G}.",
  "A high value often signals {A} {P}, while a low one {V} {A} {P}.",
  "The figure goes to {G} each reporting period and is compared against {R}.",
  "Unlike {R}, it {V} {P} rather than {P}.",
  "It is closely tied to {R} and to the {A} {N} of the whole {N}.",
  "When {P} grow, {G} rely on it to keep {P} {A}.",
  "The practice {V} {A} {P} into a single view for {G}.",
  "Common inputs include {P}, {P} and the results of {R}.",
  "A {N} of this kind {V} {P} across {C}.",
  "It is calculated as {A} {P} divided by all {P}, expressed as a percentage.",
  "Good practice pairs it with {R} so that {G} can act on {A} {P}.",
  "Vendors of {A} {N} software often build it into their tools for {R}.",
  "For {G}, it {V} where {P} stall and which {P} need attention.",
  "The term is also used loosely for any {A} {N} that {V} {P}.",
  "Early adopters in {C} reported fewer {P} and more {A} {P} within {T}.",
  "It belongs to the wider field of {R}.",
  "Critics note that it {V} {A} {P} but says little about {R}.",
  "Most {G} review it at least once in {T}.",
  "A common mistake is to chase it without watching {R}.",
};

static const char *const category_ids[] = {
  "metrics", "channels", "operations", "technology", "roles", "strategy", "research-feedback",
  "loyalty-retention", "marketing-sales", "experience-design", "data-analytics",
  "compliance-security",
};

static const char *const category_labels[] = {
  "Metrics", "Channels", "Operations", "Technology", "Roles", "Strategy", "Research & Feedback",
  "Loyalty & Retention", "Marketing & Sales", "Experience Design", "Data & Analytics",
  "Compliance & Security",
};

G_STATIC_ASSERT (G_N_ELEMENTS (category_ids) == G_N_ELEMENTS (category_labels));

typedef struct
{
  BenchRandom  random;
  guint        n_terms;
  GPtrArray   *names;       /* char *, by term */
  GPtrArray   *ids;         /* char *, by term */
  GHashTable  *taken_ids;   /* the strings of @ids */
  GString     *out;
  GString     *sentence;
  GString     *sentence_text;
} Generator;

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

/* Writes "M", "CM", "D"… for @value. */
static void
append_roman (GString *out,
              guint    value)
{
  static const struct
  {
    guint       value;
    const char *digits;
  } numerals[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    for (; value >= numerals[i].value; value -= numerals[i].value)
      g_string_append (out, numerals[i].digits);
}

/* The id of a name: its folded words joined by hyphens. */
static char *
id_from_name (const char *name)
{
  char *id = gls_fold (name, GLS_FOLD_WORDS);

  for (char *p = id; *p != '\0'; p++)
    {
      if (*p == ' ')
        *p = '-';
      g_assert (g_ascii_isalnum (*p) || *p == '-');
    }
  return id;
}

static gboolean
contains_word (const char * const *words,
               guint               n_words,
               const char         *word)
{
  for (guint i = 0; i < n_words; i++)
    if (strcmp (words[i], word) == 0)
      return TRUE;
  return FALSE;
}

static char *
join_name (const char * const *words,
           guint               n_words,
           guint               numeral)
{
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, words[i]);
    }
  if (numeral > 0)
    {
      g_string_append_c (name, ' ');
      append_roman (name, numeral);
    }
  return g_string_free (name, FALSE);
}

/*
 * Adds a name of one to five words, qualifiers before a head noun.  A name
 * taken already gets more qualifiers in front, and if it is still taken a
 * roman numeral after it.
 */
static void
add_name (Generator *generator)
{
  static const guint length_weights[] = { 8, 30, 34, 20, 8 };
  const char *words[MAX_NAME_WORDS];
  guint n_words = MIN_NAME_WORDS + random_weighted (&generator->random, length_weights,
                                                    G_N_ELEMENTS (length_weights));
  guint n_extra = 0;
  guint numeral = 0;

  for (guint i = 0; i < n_words; i++)
    {
      const char *word;

      do
        word = i + 1 < n_words ? PICK (&generator->random, qualifiers)
                               : PICK (&generator->random, heads);
      while (contains_word (words, i, word));
      words[i] = word;
    }

  for (;;)
    {
      g_autofree char *name = join_name (words, n_words, numeral);
      g_autofree char *id = id_from_name (name);
      const char *word;

      if (!g_hash_table_contains (generator->taken_ids, id))
        {
          g_hash_table_add (generator->taken_ids, id);
          g_ptr_array_add (generator->ids, g_steal_pointer (&id));
          g_ptr_array_add (generator->names, g_steal_pointer (&name));
          return;
        }

      if (n_extra == MAX_EXTRA_WORDS || n_words == MAX_NAME_WORDS)
        {
          numeral = numeral == 0 ? 2 : numeral + 1;
          continue;
        }
      do
        word = PICK (&generator->random, qualifiers);
      while (contains_word (words, n_words, word));
      memmove (words + 1, words, n_words * sizeof (words[0]));
      words[0] = word;
      n_words++;
      n_extra++;
    }
}

/* A term other than @self, if there is one. */
static guint
other_term (Generator *generator,
            guint      self)
{
  guint other;

  g_assert (generator->n_terms > 1);

  do
    other = random_below (&generator->random, generator->n_terms);
  while (other == self);
  return other;
}

static guint
count_words (const char *text)
{
  guint n_words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n_words++;
        }
    }
  return n_words;
}

/* Writes a sentence into generator->sentence and its plain text into
 * generator->sentence_text.
 */
static void
make_sentence (Generator *generator,
               guint      self)
{
  BenchRandom *random = &generator->random;
  GString *xml = generator->sentence;
  GString *text = generator->sentence_text;
  const char *template = PICK (random, sentences);

  g_string_truncate (xml, 0);
  g_string_truncate (text, 0);
  for (const char *p = template; *p != '\0'; p++)
    {
      const char *word = NULL;

      if (p[0] != '{')
        {
          g_string_append_c (xml, *p);
          g_string_append_c (text, *p);
          continue;
        }

      switch (p[1])
        {
        case 'A':
          word = PICK (random, adjectives);
          break;

        case 'N':
          word = PICK (random, nouns);
          break;

        case 'P':
          word = PICK (random, plurals);
          break;

        case 'V':
          word = PICK (random, verbs);
          break;

        case 'T':
          word = PICK (random, periods);
          break;

        case 'C':
          word = PICK (random, contexts);
          break;

        case 'G':
          word = PICK (random, groups);
          break;

        case 'R':
          if (generator->n_terms > 1)
            {
              guint target = other_term (generator, self);

              g_string_append (xml, "<ref term=\"");
              g_string_append (xml, generator->ids->pdata[target]);
              g_string_append (xml, "\">");
              append_escaped (xml, generator->names->pdata[target]);
              g_string_append (xml, "</ref>");
              g_string_append (text, generator->names->pdata[target]);
            }
          else
            word = "the whole field";
          break;

        default:
          g_assert_not_reached ();
        }

      if (word != NULL)
        {
          append_escaped (xml, word);
          g_string_append (text, word);
        }
      p += 2;
    }
}

static void
write_definition (Generator *generator,
                  guint      self)
{
  GString *out = generator->out;
  guint target = MIN_DEFINITION + random_below (&generator->random,
                                                MAX_DEFINITION - MIN_DEFINITION + 1);
  guint n_words = 0;

  g_string_append (out, "    <definition>");
  while (n_words < target)
    {
      guint sentence_words;

      make_sentence (generator, self);
      sentence_words = count_words (generator->sentence_text->str);
      /* A sentence is far shorter than the least a definition holds, so
       * there is always room for one that keeps within the limits.
       */
      if (n_words + sentence_words > MAX_DEFINITION && n_words >= MIN_DEFINITION)
        break;
      if (n_words > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, generator->sentence->str, generator->sentence->len);
      n_words += sentence_words;
    }
  g_assert (n_words >= MIN_DEFINITION && n_words <= MAX_DEFINITION);
  g_string_append (out, "</definition>\n");
}

static void
write_element (GString    *out,
               const char *element,
               const char *text)
{
  g_string_append_printf (out, "    <%s>", element);
  append_escaped (out, text);
  g_string_append_printf (out, "</%s>\n", element);
}

/* Appends the first @n_chars characters of @word in upper case, the same in
 * every locale.
 */
static void
append_upper (GString    *out,
              const char *word,
              guint       n_chars)
{
  for (const char *p = word; *p != '\0' && n_chars > 0; p = g_utf8_next_char (p), n_chars--)
    g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (p)));
}

/* Abbreviations in the forms glossaries use: "CRR", "CRRAT", "eCRR". */
static void
write_abbreviations (Generator          *generator,
                     const char * const *words)
{
  static const guint count_weights[] = { 45, 35, 13, 7 };
  guint n_words = g_strv_length ((char **) words);
  guint n_abbreviations;
  GString *forms[3];

  if (n_words < 2)
    return;
  n_abbreviations = random_weighted (&generator->random, count_weights,
                                     G_N_ELEMENTS (count_weights));
  if (n_abbreviations == 0)
    return;

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    forms[f] = g_string_new (f == 2 ? "e" : NULL);
  for (guint i = 0; i < n_words; i++)
    {
      append_upper (forms[0], words[i], 1);
      append_upper (forms[1], words[i], i + 1 < n_words ? 1 : 3);
      append_upper (forms[2], words[i], 1);
    }

  for (guint f = 0; f < n_abbreviations; f++)
    if (f == 0 || !g_str_equal (forms[f]->str, forms[0]->str))
      write_element (generator->out, "abbrev", forms[f]->str);
  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    g_string_free (forms[f], TRUE);
}

/* Whether @word is the numeral that add_name() gives a repeated name. */
static gboolean
is_roman (const char *word)
{
  return word[strspn (word, "IVXLCDM")] == '\0';
}

/* Aliases in the forms glossaries use: "Rate of Customer Retention",
 * "Customer Retention Rate Method".
 */
static void
write_aliases (Generator          *generator,
               const char         *name,
               const char * const *words)
{
  static const guint count_weights[] = { 55, 32, 13 };
  guint n_words = g_strv_length ((char **) words);
  guint n_aliases = random_weighted (&generator->random, count_weights,
                                     G_N_ELEMENTS (count_weights));
  const char *suffix = PICK (&generator->random, alias_suffixes);

  if (n_aliases > 0 && n_words >= 2 && !is_roman (words[n_words - 1]))
    {
      g_autoptr(GString) alias = g_string_new (words[n_words - 1]);

      g_string_append (alias, " of");
      for (guint i = 0; i + 1 < n_words; i++)
        g_string_append_printf (alias, " %s", words[i]);
      write_element (generator->out, "alias", alias->str);
      n_aliases--;
    }
  if (n_aliases > 0 && !g_str_equal (words[n_words - 1], suffix))
    {
      g_autofree char *alias = g_strconcat (name, " ", suffix, NULL);

      write_element (generator->out, "alias", alias);
    }
}

static void
write_term (Generator *generator,
            guint      self)
{
  static const guint definition_weights[] = { 70, 22, 8 };
  BenchRandom *random = &generator->random;
  GString *out = generator->out;
  const char *name = generator->names->pdata[self];
  g_auto(GStrv) words = g_strsplit (name, " ", -1);
  guint first_category = random_below (random, G_N_ELEMENTS (category_ids));
  guint n_definitions = 1 + random_weighted (random, definition_weights,
                                             G_N_ELEMENTS (definition_weights));
  guint n_related = MIN (2 + random_below (random, MAX_RELATED - 1), generator->n_terms - 1);
  guint related[MAX_RELATED];

  g_string_append_printf (out, "  <term id=\"%s\">\n", (const char *) generator->ids->pdata[self]);
  write_element (out, "name", name);
  write_abbreviations (generator, (const char * const *) words);
  write_aliases (generator, name, (const char * const *) words);

  g_string_append_printf (out, "    <category ref=\"%s\"/>\n", category_ids[first_category]);
  if (random_percent (random, 35))
    {
      guint second = (first_category + 1 + random_below (random, G_N_ELEMENTS (category_ids) - 1))
                     % G_N_ELEMENTS (category_ids);

      g_string_append_printf (out, "    <category ref=\"%s\"/>\n", category_ids[second]);
    }

  for (guint d = 0; d < n_definitions; d++)
    write_definition (generator, self);

  for (guint r = 0; r < n_related; r++)
    {
      gboolean repeated;

      do
        {
          related[r] = other_term (generator, self);
          repeated = FALSE;
          for (guint i = 0; i < r; i++)
            repeated |= related[i] == related[r];
        }
      while (repeated);
      g_string_append_printf (out, "    <related term=\"%s\"/>\n",
                              (const char *) generator->ids->pdata[related[r]]);
    }
  g_string_append (out, "  </term>\n");
}

static gboolean
flush_output (GString       *out,
              GOutputStream *stream,
              gsize          threshold,
              GError       **error)
{
  if (out->len < threshold)
    return TRUE;
  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, NULL, error))
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

static gboolean
write_glossary (Generator     *generator,
                GOutputStream *stream,
                GError       **error)
{
  GString *out = generator->out;

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!--\n"
                          "  A synthetic glossary of %u terms, written by gls-bench to measure\n"
                          "  the program.  The words are real; what they say is not.\n"
                          "-->\n"
                          "<glossary xmlns=\"%s\" version=\"1\" xml:lang=\"en\">\n"
                          "  <title>Synthetic Glossary of %u Terms</title>\n"
                          "  <description>Generated terms of customer experience, business "
                          "and technology for benchmarks.</description>\n"
                          "  <version>1</version>\n"
                          "  <license>CC0-1.0</license>\n",
                          generator->n_terms, GLS_NAMESPACE, generator->n_terms);
  for (guint c = 0; c < G_N_ELEMENTS (category_ids); c++)
    {
      g_string_append_printf (out, "  <category id=\"%s\">", category_ids[c]);
      append_escaped (out, category_labels[c]);
      g_string_append (out, "</category>\n");
    }

  for (guint t = 0; t < generator->n_terms; t++)
    {
      write_term (generator, t);
      if (!flush_output (out, stream, FLUSH_SIZE, error))
        return FALSE;
    }
  g_string_append (out, "</glossary>\n");
  return flush_output (out, stream, 0, error);
}

static int usage (void);

static int
generate_command (char **arguments)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arguments[1]);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  Generator generator = { { GENERATE_SEED } };
  guint64 n_terms;
  double start = now_ms ();
  gboolean ok;

  if (!g_ascii_string_to_unsigned (arguments[0], 10, 1, MAX_TERMS, &n_terms, &error))
    {
      g_printerr ("gls-bench: %s\n", error->message);
      return usage ();
    }

  generator.n_terms = n_terms;
  generator.names = g_ptr_array_new_full (n_terms, g_free);
  generator.ids = g_ptr_array_new_full (n_terms, g_free);
  generator.taken_ids = g_hash_table_new (g_str_hash, g_str_equal);
  generator.out = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  generator.sentence = g_string_new (NULL);
  generator.sentence_text = g_string_new (NULL);

  for (guint t = 0; t < n_terms; t++)
    add_name (&generator);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, &error);
  ok = stream != NULL &&
       write_glossary (&generator, G_OUTPUT_STREAM (stream), &error) &&
       g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
  if (ok)
    info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                              NULL, &error);

  g_hash_table_unref (generator.taken_ids);
  g_ptr_array_unref (generator.names);
  g_ptr_array_unref (generator.ids);
  g_string_free (generator.out, TRUE);
  g_string_free (generator.sentence, TRUE);
  g_string_free (generator.sentence_text, TRUE);

  if (info == NULL)
    {
      g_printerr ("gls-bench: %s: %s\n", arguments[1], error->message);
      return 1;
    }

  g_print ("# wrote %s in %.1f s\n", arguments[1], (now_ms () - start) / 1000);
  report_count ("generate.terms", n_terms, "terms");
  report_count ("generate.size", g_file_info_get_size (info), "bytes");
  return 0;
}

/* Loading. */

static int
load_command (char **arguments)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arguments[0]);
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parse_floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorted_parse_floors = NULL;
  g_autoptr(GArray) sorted_loads = NULL;
  g_autoptr(GArray) sorted_floors = NULL;
  gsize size = 0;
  guint n_terms = 0;
  guint n_passes = MIN_LOAD_PASSES;
  double rss_before;
  double first_peak_rss = 0;
  double peak_rss;

  gls_loader_init ();
  /* The high-water mark so far: the program alone. */
  rss_before = peak_rss_bytes ();

  /* Each pass times a load as the window makes it, reading the file
   * included, and then the floor over bytes read beforehand, so that
   * whatever else the machine does weighs on both alike.
   */
  for (guint pass = 0; pass < n_passes; pass++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GlsGlossary) glossary = NULL;
      g_autoptr(GBytes) bytes = NULL;
      const char *data;
      double start = now_ms ();
      double elapsed;

      glossary = gls_load_file (file, arguments[0], GLS_LOAD_FLAGS_NONE, NULL, NULL, NULL, NULL,
                                &error);
      elapsed = now_ms () - start;
      if (glossary == NULL)
        {
          g_printerr ("gls-bench: %s\n", error->message);
          return 1;
        }
      g_array_append_val (load_times, elapsed);
      n_terms = gls_glossary_get_n_terms (glossary);
      g_clear_object (&glossary);
      /* A program loads a file once: later passes add the fragments of the
       * ones before them.
       */
      if (pass == 0)
        first_peak_rss = peak_rss_bytes ();

      /* Small files get more passes, up to a time budget. */
      if (pass == 0)
        n_passes = CLAMP ((guint) (LOAD_BUDGET_MS / MAX (elapsed, 1.0)), MIN_LOAD_PASSES,
                          MAX_LOAD_PASSES);

      bytes = read_bytes (arguments[0]);
      if (bytes == NULL)
        return 1;
      data = g_bytes_get_data (bytes, &size);
      start = now_ms ();
      if (!gls_bench_read_floor (data, size))
        {
          g_printerr ("gls-bench: %s: the reader floor failed\n", arguments[0]);
          return 1;
        }
      elapsed = now_ms () - start;
      g_array_append_val (floor_times, elapsed);

      start = now_ms ();
      if (!gls_bench_parse_floor (data, size, GLS_XML_LOADER_CHUNK_SIZE))
        {
          g_printerr ("gls-bench: %s: the parser floor failed\n", arguments[0]);
          return 1;
        }
      elapsed = now_ms () - start;
      g_array_append_val (parse_floor_times, elapsed);
    }
  peak_rss = peak_rss_bytes ();

  sorted_loads = gls_bench_sorted_copy (load_times);
  sorted_floors = gls_bench_sorted_copy (floor_times);
  sorted_parse_floors = gls_bench_sorted_copy (parse_floor_times);

  g_print ("# %s: %u terms, %.1f MiB, %u timed passes of each\n", arguments[0], n_terms,
           size / 1048576.0, n_passes);
  g_print ("# a load reads the file and frees its bytes once parsed; the floor reads "
           "bytes read before it\n");
  g_print ("# the loader parses with libxml2's SAX interface; the parse floor is that parser "
           "alone, with no callbacks\n");
  g_print ("# peak RSS: of the first load, and of all passes; both include the %.1f MiB "
           "the process had before\n", rss_before / 1048576.0);
  report_count ("load.terms", n_terms, "terms");
  report_count ("load.size", size, "bytes");
  report_count ("load.passes", n_passes, "passes");
  report ("load.median", gls_bench_percentile (sorted_loads, 0.5), "ms");
  report ("load.min", g_array_index (sorted_loads, double, 0), "ms");
  report ("load.max", g_array_index (sorted_loads, double, sorted_loads->len - 1), "ms");
  report ("load.rss_before", rss_before / 1048576.0, "MiB");
  report ("load.peak_rss", first_peak_rss / 1048576.0, "MiB");
  report ("load.peak_rss_ratio", first_peak_rss / size, "x");
  report ("load.peak_rss_all_passes", peak_rss / 1048576.0, "MiB");
  report ("load.peak_rss_all_passes_ratio", peak_rss / size, "x");
  report ("load.floor.median", gls_bench_percentile (sorted_floors, 0.5), "ms");
  report ("load.floor.min", g_array_index (sorted_floors, double, 0), "ms");
  report ("load.floor_ratio",
          gls_bench_percentile (sorted_loads, 0.5) / gls_bench_percentile (sorted_floors, 0.5),
          "x");
  report ("load.parse_floor.median", gls_bench_percentile (sorted_parse_floors, 0.5), "ms");
  report ("load.parse_floor_ratio",
          gls_bench_percentile (sorted_loads, 0.5) /
          gls_bench_percentile (sorted_parse_floors, 0.5),
          "x");
  return 0;
}

/* Searching. */

typedef enum
{
  QUERY_PREFIX,
  QUERY_ABBREVIATION,
  QUERY_DEFINITION_WORD,
  QUERY_NAME_WORDS,
  QUERY_DEFINITION_WORDS,
  QUERY_SWAPPED_LETTERS,
  QUERY_DROPPED_LETTER,
  N_QUERY_KINDS
} QueryKind;

static const struct
{
  guint       quota;
  const char *description;
} query_kinds[N_QUERY_KINDS] = {
  [QUERY_PREFIX] = { 50, "name prefixes" },
  [QUERY_ABBREVIATION] = { 30, "abbreviations" },
  [QUERY_DEFINITION_WORD] = { 40, "words of definitions" },
  [QUERY_NAME_WORDS] = { 20, "two words of names" },
  [QUERY_DEFINITION_WORDS] = { 20, "two words of definitions" },
  [QUERY_SWAPPED_LETTERS] = { 20, "names with two letters swapped" },
  [QUERY_DROPPED_LETTER] = { 20, "names with a letter dropped" },
};

/* Tries this many terms for each query before giving up on its kind. */
#define QUERY_ATTEMPTS 50

/* One character typed: the text of the search entry after it. */
typedef struct
{
  char     *text;
  gboolean  first;   /* of its query: the entry was cleared before */
} Keystroke;

static void
keystroke_clear (gpointer data)
{
  Keystroke *keystroke = data;

  g_free (keystroke->text);
}

/* Trims what is neither a letter nor a digit from both ends of @word. */
static char *
trim_word (const char *word)
{
  const char *start = word;
  const char *end = word + strlen (word);

  while (*start != '\0' && !g_unichar_isalnum (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  return g_strndup (start, end - start);
}

/* @text in lower case, as a user types it, the same in every locale. */
static char *
lowercase (const char *text)
{
  GString *lower = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (lower, g_unichar_tolower (g_utf8_get_char (p)));
  return g_string_free (lower, FALSE);
}

/* Two neighbouring words of @text, in lower case, as a user types them. */
static char *
pick_word_pair (BenchRandom *random,
                const char  *text,
                guint        min_chars)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  guint n_words = g_strv_length (words);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pair = NULL;
  guint i;

  if (n_words < 2)
    return NULL;
  i = random_below (random, n_words - 1);
  first = trim_word (words[i]);
  second = trim_word (words[i + 1]);
  if (g_utf8_strlen (first, -1) < min_chars || g_utf8_strlen (second, -1) < min_chars)
    return NULL;
  pair = g_strconcat (first, " ", second, NULL);
  return lowercase (pair);
}

/* @name with a typo: two neighbouring letters swapped, or one dropped. */
static char *
make_typo (BenchRandom *random,
           const char  *name,
           gboolean     swap)
{
  glong n_chars;
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (name, -1, &n_chars);
  guint i;

  if (n_chars < 5)
    return NULL;
  i = 1 + random_below (random, n_chars - 2);
  if (!g_unichar_isalpha (chars[i]) || (swap && !g_unichar_isalpha (chars[i + 1])))
    return NULL;
  if (swap)
    {
      gunichar c = chars[i];

      if (c == chars[i + 1])
        return NULL;
      chars[i] = chars[i + 1];
      chars[i + 1] = c;
    }
  else
    {
      memmove (chars + i, chars + i + 1, (n_chars - i - 1) * sizeof (gunichar));
      n_chars--;
    }
  return g_ucs4_to_utf8 (chars, n_chars, NULL, NULL, NULL);
}

/* Returns: (nullable): a query of @kind made from @term, or NULL if @term
 * has nothing to make one from
 */
static char *
make_query (BenchRandom *random,
            GlsTerm     *term,
            QueryKind    kind)
{
  const char *name = gls_term_get_name (term);
  const char *definition = gls_term_get_definition (term, random_below (random,
                                                    gls_term_get_n_definitions (term)));
  const char * const *abbreviations = gls_term_get_abbreviations (term);

  switch (kind)
    {
    case QUERY_PREFIX:
      {
        glong n_chars = g_utf8_strlen (name, -1);

        if (n_chars <= 3)
          return g_strdup (name);
        return g_utf8_substring (name, 0, 3 + random_below (random, n_chars - 2));
      }

    case QUERY_ABBREVIATION:
      {
        guint n_abbreviations = g_strv_length ((char **) abbreviations);

        if (n_abbreviations == 0)
          return NULL;
        return g_strdup (abbreviations[random_below (random, n_abbreviations)]);
      }

    case QUERY_DEFINITION_WORD:
      {
        g_auto(GStrv) words = g_strsplit (definition, " ", -1);
        g_autofree char *word = trim_word (words[random_below (random, g_strv_length (words))]);

        if (g_utf8_strlen (word, -1) < 4)
          return NULL;
        return g_steal_pointer (&word);
      }

    case QUERY_NAME_WORDS:
      return pick_word_pair (random, name, 1);

    case QUERY_DEFINITION_WORDS:
      return pick_word_pair (random, definition, 3);

    case QUERY_SWAPPED_LETTERS:
      return make_typo (random, name, TRUE);

    case QUERY_DROPPED_LETTER:
      return make_typo (random, name, FALSE);

    case N_QUERY_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_term_ids (gconstpointer a,
                  gconstpointer b)
{
  GlsTerm *term_a = *(GlsTerm * const *) a;
  GlsTerm *term_b = *(GlsTerm * const *) b;

  return strcmp (gls_term_get_id (term_a), gls_term_get_id (term_b));
}

/*
 * Builds the queries from the glossary, the same ones each run: terms are
 * drawn in the order of their ids, which unlike the display order does not
 * depend on the locale.
 *
 * Returns: (transfer full): the keystrokes that type the queries one by one
 */
static GArray *
build_keystrokes (GlsGlossary *glossary,
                  guint       *n_queries)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  g_autoptr(GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  GArray *keystrokes = g_array_new (FALSE, FALSE, sizeof (Keystroke));
  BenchRandom random = { SEARCH_SEED };
  g_autoptr(GString) made = g_string_new ("# queries:");
  guint shortfall = 0;

  g_array_set_clear_func (keystrokes, keystroke_clear);
  for (guint i = 0; i < gls_glossary_get_n_terms (glossary); i++)
    g_ptr_array_add (terms, gls_glossary_get_term (glossary, i));
  g_ptr_array_sort (terms, compare_term_ids);

  /* A kind this glossary cannot give (no abbreviations, say) is made up
   * with name prefixes, which every glossary can give.
   */
  for (guint kind = N_QUERY_KINDS; kind-- > 0;)
    {
      guint quota = query_kinds[kind].quota + (kind == QUERY_PREFIX ? shortfall : 0);
      guint n_made = 0;

      for (guint attempt = 0; n_made < quota && attempt < quota * QUERY_ATTEMPTS; attempt++)
        {
          GlsTerm *term = terms->pdata[random_below (&random, terms->len)];
          char *query = make_query (&random, term, kind);

          if (query == NULL)
            continue;
          g_ptr_array_add (queries, query);
          n_made++;
        }
      shortfall += quota - n_made;
      g_string_append_printf (made, " %u %s%s", n_made, query_kinds[kind].description,
                              kind > 0 ? "," : "");
    }
  g_print ("%s\n", made->str);

  /* Mix the kinds, as a user's searches come. */
  for (guint i = queries->len; i > 1; i--)
    {
      guint j = random_below (&random, i);
      gpointer query = queries->pdata[i - 1];

      queries->pdata[i - 1] = queries->pdata[j];
      queries->pdata[j] = query;
    }

  for (guint q = 0; q < queries->len; q++)
    {
      const char *query = queries->pdata[q];

      for (const char *end = query; *end != '\0';)
        {
          Keystroke keystroke;

          keystroke.first = end == query;
          end = g_utf8_next_char (end);
          keystroke.text = g_strndup (query, end - query);
          g_array_append_val (keystrokes, keystroke);
        }
    }
  *n_queries = queries->len;
  return keystrokes;
}

static void
wait_for_results (GlsResultList *list)
{
  while (gls_result_list_get_searching (list))
    g_main_context_iteration (NULL, TRUE);
}

/*
 * Types the keystrokes into a GlsResultList, as the search entry does, and
 * times each from the change of query until the list holds its results.
 */
static void
replay_result_list (GlsGlossary *glossary,
                    GArray      *keystrokes,
                    GArray      *times,
                    GArray      *n_results)
{
  g_autoptr(GlsResultList) list = gls_result_list_new ();

  gls_result_list_set_glossary (list, glossary);
  wait_for_results (list);

  for (guint k = 0; k < keystrokes->len; k++)
    {
      const Keystroke *keystroke = &g_array_index (keystrokes, Keystroke, k);
      double start;
      double elapsed;
      guint n_items;

      if (keystroke->first)
        {
          gls_result_list_set_query (list, "");
          wait_for_results (list);
        }

      start = now_ms ();
      gls_result_list_set_query (list, keystroke->text);
      wait_for_results (list);
      elapsed = now_ms () - start;

      n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_array_append_val (times, elapsed);
      g_array_append_val (n_results, n_items);
    }
}

/* The same searches through gls_search() alone, without the list model. */
static void
replay_search (GlsGlossary *glossary,
               GArray      *keystrokes,
               GArray      *times)
{
  g_autoptr(GlsSearchResults) previous = NULL;

  for (guint k = 0; k < keystrokes->len; k++)
    {
      const Keystroke *keystroke = &g_array_index (keystrokes, Keystroke, k);
      GlsSearchResults *results;
      double start;
      double elapsed;

      /* The results of a cleared entry hold nothing a keystroke can reuse. */
      if (keystroke->first)
        g_clear_pointer (&previous, gls_search_results_unref);

      start = now_ms ();
      results = gls_search (glossary, keystroke->text, previous, NULL);
      elapsed = now_ms () - start;

      g_clear_pointer (&previous, gls_search_results_unref);
      previous = results;
      g_array_append_val (times, elapsed);
    }
}

/* Every searchable text of every term, folded, one a line. */
static GString *
fold_all_text (GlsGlossary *glossary)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < gls_glossary_get_n_terms (glossary); i++)
    {
      GlsTerm *term = gls_glossary_get_term (glossary, i);
      const char * const *lists[] = {
        gls_term_get_abbreviations (term),
        gls_term_get_aliases (term),
      };
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      g_ptr_array_add (texts, (char *) gls_term_get_name (term));
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint j = 0; lists[l][j] != NULL; j++)
          g_ptr_array_add (texts, (char *) lists[l][j]);
      for (guint d = 0; d < gls_term_get_n_definitions (term); d++)
        g_ptr_array_add (texts, (char *) gls_term_get_definition (term, d));

      for (guint t = 0; t < texts->len; t++)
        {
          g_autofree char *folded = gls_fold (texts->pdata[t], GLS_FOLD_WORDS);

          g_string_append (text, folded);
          g_string_append_c (text, '\n');
        }
    }
  return text;
}

/*
 * The floor under a keystroke: fold the query and count where it occurs in
 * all the glossary's folded text, with no index and no ranking.
 */
static guint64
replay_floor (const GString *text,
              GArray        *keystrokes,
              GArray        *times)
{
  guint64 n_found = 0;

  for (guint k = 0; k < keystrokes->len; k++)
    {
      const Keystroke *keystroke = &g_array_index (keystrokes, Keystroke, k);
      double start = now_ms ();
      g_autofree char *folded = gls_fold (keystroke->text, GLS_FOLD_WORDS);
      gsize length = strlen (folded);
      double elapsed;

      for (const char *at = text->str;
           length > 0 && (at = memmem (at, text->str + text->len - at, folded, length)) != NULL;
           at += length)
        n_found++;
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);
    }
  return n_found;
}

static void
report_slowest (GArray *keystrokes,
                GArray *times,
                GArray *n_results)
{
  g_autofree guint *order = g_new (guint, times->len);

  for (guint i = 0; i < times->len; i++)
    order[i] = i;
  /* A partial selection sort: only the slowest few are wanted. */
  for (guint i = 0; i < MIN (N_SLOWEST, times->len); i++)
    {
      for (guint j = i + 1; j < times->len; j++)
        {
          if (g_array_index (times, double, order[j]) > g_array_index (times, double, order[i]))
            {
              guint swap = order[i];

              order[i] = order[j];
              order[j] = swap;
            }
        }
      g_print ("# slow keystroke: %.3f ms for “%s” (%u results)\n",
               g_array_index (times, double, order[i]),
               g_array_index (keystrokes, Keystroke, order[i]).text,
               g_array_index (n_results, guint, order[i]));
    }
}

static int
search_command (char **arguments)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (arguments[0]);
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;
  g_autoptr(GArray) keystrokes = NULL;
  g_autoptr(GArray) list_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) n_results = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) search_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sorted_list = NULL;
  g_autoptr(GArray) sorted_search = NULL;
  g_autoptr(GArray) sorted_floor = NULL;
  g_autoptr(GString) folded_text = NULL;
  guint64 n_found;
  guint n_queries;
  double start;

  gls_loader_init ();
  start = now_ms ();
  glossary = gls_load_file (file, arguments[0], GLS_LOAD_FLAGS_NONE, NULL, NULL, NULL, NULL,
                            &error);
  if (glossary == NULL)
    {
      g_printerr ("gls-bench: %s\n", error->message);
      return 1;
    }
  g_print ("# %s: %u terms, loaded in %.1f ms; the result list searches %s\n", arguments[0],
           gls_glossary_get_n_terms (glossary), now_ms () - start,
           gls_glossary_get_n_terms (glossary) > GLS_RESULT_LIST_SYNC_LIMIT
           ? "on a worker thread" : "on the calling thread");

  keystrokes = build_keystrokes (glossary, &n_queries);
  replay_result_list (glossary, keystrokes, list_times, n_results);
  replay_search (glossary, keystrokes, search_times);
  folded_text = fold_all_text (glossary);
  n_found = replay_floor (folded_text, keystrokes, floor_times);

  sorted_list = gls_bench_sorted_copy (list_times);
  sorted_search = gls_bench_sorted_copy (search_times);
  sorted_floor = gls_bench_sorted_copy (floor_times);

  g_print ("# floor: memmem over %.1f MiB of folded text, %" G_GUINT64_FORMAT
           " occurrences in all\n", folded_text->len / 1048576.0, n_found);
  report_slowest (keystrokes, list_times, n_results);

  report_count ("search.terms", gls_glossary_get_n_terms (glossary), "terms");
  report_count ("search.queries", n_queries, "queries");
  report_count ("search.keystrokes", keystrokes->len, "keystrokes");
  report ("search.p50", gls_bench_percentile (sorted_list, 0.5), "ms");
  report ("search.p95", gls_bench_percentile (sorted_list, 0.95), "ms");
  report ("search.max", gls_bench_percentile (sorted_list, 1), "ms");
  report ("search.direct.p50", gls_bench_percentile (sorted_search, 0.5), "ms");
  report ("search.direct.p95", gls_bench_percentile (sorted_search, 0.95), "ms");
  report ("search.direct.max", gls_bench_percentile (sorted_search, 1), "ms");
  report ("search.floor.p50", gls_bench_percentile (sorted_floor, 0.5), "ms");
  report ("search.floor.p95", gls_bench_percentile (sorted_floor, 0.95), "ms");
  report ("search.floor_ratio", gls_bench_percentile (sorted_list, 0.95) / gls_bench_percentile (sorted_floor, 0.95),
          "x");
  return 0;
}

/* The subcommands.  Each takes exactly its arguments, checked before it runs. */

typedef struct
{
  const char  *name;
  const char  *arguments;
  const char  *summary;
  guint        n_arguments;
  int        (*run) (char **arguments);
} BenchCommand;

static const BenchCommand commands[] = {
  { "generate", "N FILE", "write a synthetic glossary of N terms to FILE", 2, generate_command },
  { "load", "FILE", "time loading FILE against the XML reader alone; peak memory", 1,
    load_command },
  { "search", "FILE", "time each keystroke of typed queries against a plain scan", 1,
    search_command },
  { "startup", "", "time the window's first frame against a bare window's", 0,
    gls_bench_startup },
  { "window", "FILE", "open FILE in the window, type and scroll; the longest main loop stalls", 1,
    gls_bench_window },
  { "startup-child", "window|bare", "one measured start, run by startup", 1,
    gls_bench_startup_child },
};

static int
usage (void)
{
  g_printerr ("Usage: gls-bench COMMAND ARGUMENTS…\n\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = g_strdup_printf ("%s %s", commands[i].name,
                                                   commands[i].arguments);

      g_printerr ("  %-18s %s\n", synopsis, commands[i].summary);
    }
  return 2;
}

int
main (int   argc,
      char *argv[])
{
  /* The user's locale orders the glossary as in the window, but figures are
   * printed with a decimal point whatever it is.
   */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");

  for (guint i = 0; argc >= 2 && i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) != 0)
        continue;
      if ((guint) argc - 2 != commands[i].n_arguments)
        return usage ();
      return commands[i].run (argv + 2);
    }
  return usage ();
}
