// Tests for the Attributor (extractor/attribution.h): the speaker of a figure inside a quote or
// reported speech, and the named source of a figure in the article's own voice (one case per
// rule of patterns/source_cues.txt). Claims are made by hand over invented sentences.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "extractor/embedded_data.h"
#include "tests/quote_fixture.h"

namespace claimex {
namespace {

using testing::QuoteRun;

struct WantClaim {
  const char* figure;   // the claim's text (first occurrence in the body)
  const char* speaker;  // "" = none
  const char* source;   // "" = none
  const char* rule;     // Claim::attribution_rule starts with this ("" = must be empty)
};

struct Case {
  const char* name;
  std::string body;
  std::vector<WantClaim> want;
};

TEST_CASE("figures in quotes take the quote's speaker", "[attribution]") {
  const Case cases[] = {
      {"direct quote",
       "Jo Bloggs said: \"We have hired 40 new teachers this year.\"",
       {{"40", "Jo Bloggs", "", "in-quote:speaker-verb-colon/name"}}},
      {"reported speech",
       "Jo Bloggs said the council had hired 40 teachers.",
       {{"40", "Jo Bloggs", "", "in-reported:speaker-verb-content/name"}}},
      {"pronoun cue",
       "Mayor Jo Bloggs opened the school.\n\n\"It has 40 classrooms,\" she said.",
       {{"40", "Jo Bloggs", "", "in-quote:speaker-verb/pronoun"}}},
      {"own voice next to a quote",
       "The school has 12 staff.\n\nJo Bloggs said: \"We will hire 40 more next year.\"",
       {{"12", "", "", ""}, {"40", "Jo Bloggs", "", "in-quote:"}}},
      {"unnamed speaker",
       "A spokesman said the council had hired 40 teachers.",
       {{"40", "", "", "in-quote-unresolved"}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    QuoteRun run(c.body);
    for (const WantClaim& w : c.want) run.AddClaim(w.figure);
    run.Attribute();
    for (size_t i = 0; i < c.want.size(); ++i) {
      const Claim& cl = run.ex.claims[i];
      INFO(c.want[i].figure << " rule=" << cl.attribution_rule);
      CHECK(run.SpeakerOf(cl.speaker) == c.want[i].speaker);
      CHECK(cl.source == c.want[i].source);
      CHECK(cl.attribution_rule.rfind(c.want[i].rule, 0) == 0);
      if (*c.want[i].rule == '\0') CHECK(cl.attribution_rule.empty());
    }
  }
}

TEST_CASE("figures in the article's voice take a named source", "[attribution]") {
  const Case cases[] = {
      {"no cue, no source", "The council hired 40 teachers last year.", {{"40", "", "", ""}}},
      {"figures released by X",
       "New figures released by Northshire Council today show 40 schools are full.",
       {{"40", "", "Northshire Council", "source-released-by"}}},
      {"figures from X",
       "Figures from the Port Authority show 300 ships docked in March.",
       {{"300", "", "Port Authority", "source-data-from"}}},
      {"a sentence-opening word is no source",
       "New figures show 300 ships docked in March.",
       {{"300", "", "", ""}}},
      {"X statistics show: only the figures after the cue",
       "The depot has 30 staff and Northshire Police statistics show that 12 vans were stolen.",
       {{"30", "", "", ""}, {"12", "", "Northshire Police", "source-org-data-show"}}},
      {"X published figures",
       "The Rail Regulator has published figures showing 95 per cent of trains ran on time.",
       {{"95 per cent", "", "Rail Regulator", "source-org-published"}}},
      {"a study by X",
       "A study by the Northshire Trust found 70 wards were understaffed.",
       {{"70", "", "Northshire Trust", "source-report-by"}}},
      {"according to X data, whole sentence",
       "Burglary fell by 8 per cent (to 1,200 cases), according to the latest NSO crime figures.",
       {{"8 per cent", "", "NSO", "source-according-data"},
        {"1,200", "", "NSO", "source-according-data"}}},
      {"according to data from X",
       "Homelessness rose by 5 per cent, according to data from the Housing Board.",
       {{"5 per cent", "", "Housing Board", "source-according-from"}}},
      {"according to an organisation, after the figures",
       "Some 200 homes flooded in the storm according to the Environment Agency.",
       {{"200", "", "Environment Agency", "source-according-org"}}},
      {"an organisation speaking for itself is a source",
       "According to the Environment Agency, 200 homes flooded in the storm.",
       {{"200", "", "Environment Agency", "in-reported-org:according-to/org"}}},
      {"an organisation's reported speech",
       "The Home Office said 5,000 officers had been recruited.",
       {{"5,000", "", "Home Office", "in-reported-org:speaker-verb-content/org"}}},
      {"an anaphor takes the source of the cue before",
       "Figures released by the Port Authority show 300 ships docked.\n\n"
       "The figures also show that 45 of them were tankers.",
       {{"300", "", "Port Authority", "source-released-by"},
        {"45", "", "Port Authority", "source-anaphor"}}},
      {"an anaphor too far from its cue has no source",
       "Figures released by the Port Authority show 300 ships docked.\n\nA.\n\nB.\n\nC.\n\n"
       "The figures also show that 45 of them were tankers.",
       {{"300", "", "Port Authority", ""}, {"45", "", "", ""}}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    QuoteRun run(c.body);
    for (const WantClaim& w : c.want) run.AddClaim(w.figure);
    run.Attribute();
    for (size_t i = 0; i < c.want.size(); ++i) {
      const Claim& cl = run.ex.claims[i];
      INFO(c.want[i].figure << " rule=" << cl.attribution_rule);
      CHECK(run.SpeakerOf(cl.speaker) == c.want[i].speaker);
      CHECK(cl.source == c.want[i].source);
      CHECK(cl.attribution_rule.rfind(c.want[i].rule, 0) == 0);
      if (*c.want[i].rule == '\0' && *c.want[i].source == '\0') {
        CHECK(cl.attribution_rule.empty());
      }
    }
  }
}

TEST_CASE("according to a person is reported speech, not a source", "[attribution]") {
  QuoteRun run("According to Jo Bloggs, 200 homes flooded in the storm.");
  run.AddClaim("200");
  run.Attribute();
  CHECK(run.SpeakerOf(run.ex.claims[0].speaker) == "Jo Bloggs");
  CHECK(run.ex.claims[0].source.empty());
  CHECK(run.ex.claims[0].attribution_rule == "in-reported:according-to/name");
}

TEST_CASE("source cue file: a bad line names its file and line", "[attribution]") {
  struct BadCase {
    const char* content;
    const char* message;
  };
  const BadCase cases[] = {
      {"r  after  (?P<src>{ORG})\nr2  later  x(?P<src>y)\n",
       "patterns/source_cues.txt:2: unknown scope 'later'"},
      {"r  after  figures show\n", "patterns/source_cues.txt:1: regex has no (?P<src>...) group"},
      {"r  after  (?P<src>[a-\n", "patterns/source_cues.txt:1: bad regex: missing ]: [a-"},
      {"r  sentence  (?P<src>x)  loud\n", "patterns/source_cues.txt:1: unknown flag 'loud'"},
  };
  for (const BadCase& c : cases) {
    std::map<std::string, std::string> files;
    for (const EmbeddedFile& f : Embedded_patterns()) files[std::string(f.name)] = f.content;
    files["source_cues.txt"] = c.content;
    auto rules = RuleSet::FromStrings(files);
    REQUIRE(rules.ok());
    auto at = Attributor::Create(**rules);
    REQUIRE_FALSE(at.ok());
    CHECK(at.status().message() == c.message);
  }
}

}  // namespace
}  // namespace claimex
