// Tests for the QuoteFinder (extractor/quotes.h and quote_*.cc, speaker_*.cc): quote marks,
// attribution cues, reported speech, press-release layouts and the speaker registry (aliases,
// roles, pronouns). Every sentence here is invented for the test.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "extractor/embedded_data.h"
#include "extractor/quote_words.h"
#include "tests/quote_fixture.h"

namespace claimex {
namespace {

using testing::QuoteRun;

struct Want {
  const char* starts;   // the quote's text starts with this
  const char* kind;     // "direct" / "reported"
  const char* speaker;  // canonical name, "" for none
  const char* rule;     // Quote::rule starts with this ("" = not checked)
};

struct Case {
  const char* name;
  std::string body;
  std::vector<Want> want;
};

void Check(const Case& c) {
  INFO(c.name);
  QuoteRun run(c.body);
  std::string got;
  for (const Quote& q : run.ex.quotes) {
    got += "[" + run.Text(q.span) + "] " + QuoteKindName(q.kind) + " " + run.SpeakerOf(q.speaker) +
           " " + q.rule + "\n";
  }
  INFO(got);
  REQUIRE(run.ex.quotes.size() == c.want.size());
  for (size_t i = 0; i < c.want.size(); ++i) {
    const Quote& q = run.ex.quotes[i];
    const Want& w = c.want[i];
    CHECK(run.Text(q.span).rfind(w.starts, 0) == 0);
    CHECK(std::string(QuoteKindName(q.kind)) == w.kind);
    CHECK(run.SpeakerOf(q.speaker) == w.speaker);
    CHECK(q.rule.rfind(w.rule, 0) == 0);
  }
}

TEST_CASE("direct quotes take the cue after them", "[quotes]") {
  const Case cases[] = {
      {"said + name",
       "\"We will build more homes,\" said Jo Bloggs.",
       {{"We will build more homes", "direct", "Jo Bloggs", "verb-speaker/name"}}},
      {"name + said",
       "\"Prices are rising fast,\" Ann Peters said on Monday.",
       {{"Prices are rising fast", "direct", "Ann Peters", "speaker-verb/name"}}},
      {"name + told + addressee",
       "\"We are ready for winter,\" Ann Peters told the Gazette.",
       {{"We are ready for winter", "direct", "Ann Peters", "speaker-verb/name"}}},
      {"said + honorific + name with apposition",
       "\"The plan adds up,\" said Dr. Rhea Stone, an economist at Northshire University.",
       {{"The plan adds up", "direct", "Rhea Stone", "verb-speaker/name"}}},
      {"name, role, said",
       "\"The depot stays open,\" Tom Hale, the council's transport chief, said.",
       {{"The depot stays open", "direct", "Tom Hale", "speaker-verb/name"}}},
      {"dash sign-off",
       "\"The best bus service the town has had in years.\" - Mina Cole",
       {{"The best bus service", "direct", "Mina Cole", "dash-signoff/name"}}},
      {"according to after the quote",
       "\"The river will rise again,\" according to Ivo Marsh.",
       {{"The river will rise again", "direct", "Ivo Marsh", "according-to/name"}}},
      {"a new clause after the quote is no cue",
       "Tom Hale said, \"We are fine with it,\" when Ann Peters said the plan was late.",
       {{"We are fine with it", "direct", "Tom Hale", "speaker-verb-before/name"},
        {"the plan was late", "reported", "Ann Peters", "speaker-verb-content/name"}}},
      {"a full stop and a new sentence is no cue",
       "\"We closed the gap on rivals across the whole year.\" Ann Peters said the board agreed.",
       {{"We closed the gap", "direct", "", "unattributed"},
        {"the board agreed", "reported", "Ann Peters", "speaker-verb-content/name"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("direct quotes take the cue before them", "[quotes]") {
  const Case cases[] = {
      {"name said colon",
       "Ann Peters said: \"We have doubled the budget.\"",
       {{"We have doubled the budget", "direct", "Ann Peters", "speaker-verb-colon/name"}}},
      {"name added comma",
       "Ann Peters added, \"Nobody will lose their job.\"",
       {{"Nobody will lose their job", "direct", "Ann Peters", "speaker-verb-before/name"}}},
      {"said in a statement",
       "Ann Peters said in a statement: \"The yard is safe again.\"",
       {{"The yard is safe again", "direct", "Ann Peters", "speaker-verb-colon/name"}}},
      {"told + addressee + colon",
       "Ann Peters told the Gazette: \"The yard is safe again.\"",
       {{"The yard is safe again", "direct", "Ann Peters", "speaker-verb-object/name"}}},
      {"according to before",
       "According to Ivo Marsh, \"the river will rise again.\"",
       {{"the river will rise again", "direct", "Ivo Marsh", "according-to/name"}}},
      {"name and colon opening a headline",
       "Ivo Marsh: \"The river will rise again this year\"",
       {{"The river will rise again", "direct", "Ivo Marsh", "speaker-colon/name"}}},
      {"gerund after a clause",
       "Ann Peters criticised the budget, saying: \"It will hurt families in every ward.\"",
       {{"It will hurt families", "direct", "Ann Peters", "gerund/name"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("press-release layouts name the speaker on the line before the quote", "[quotes]") {
  const Case cases[] = {
      {"Name, Title, said: on its own line",
       "Mark Lowe, Chief Inspector at Northshire Police, said:\n\n"
       "\"Officers will patrol the park every night this summer.\"",
       {{"Officers will patrol", "direct", "Mark Lowe", "speaker-verb-colon/name"}}},
      {"role before the name, comma before said",
       "Assistant Chief Constable Mark Lowe, said: \"Officers will patrol the park.\"",
       {{"Officers will patrol", "direct", "Mark Lowe", "speaker-verb-colon/name"}}},
      {"role, then the name",
       "Deputy Mayor for Transport, Priya Shah said: \"The trams run every five minutes.\"",
       {{"The trams run", "direct", "Priya Shah", "speaker-verb-colon/name"}}},
      {"Notes to editors ends the quote and the reported speech",
       "Priya Shah said: \"The trams run every five minutes.\"\n\nNotes to editors\n\n"
       "1. The operator said the timetable was provisional for the first month.",
       {{"The trams run", "direct", "Priya Shah", "speaker-verb-colon/name"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("quote marks: multi-paragraph, single, doubled apostrophes, unbalanced", "[quotes]") {
  const Case cases[] = {
      {"a quote runs on over paragraphs that open with a mark",
       "Ann Peters said: \"The first part of what she said runs on.\n\n"
       "\"The second part continues the same quote.\n\n\"The third part closes it.\"\n\n"
       "The meeting ended at noon.",
       {{"The first part", "direct", "Ann Peters", "speaker-verb-colon/name"},
        {"The second part", "direct", "Ann Peters", "continued/"},
        {"The third part", "direct", "Ann Peters", "continued/"}}},
      {"curly quotes",
       "\u201CWe are ready for the storm,\u201D said Jo Bloggs.",
       {{"We are ready", "direct", "Jo Bloggs", "verb-speaker/name"}}},
      {"UK single quotes and possessives",
       "Jo Bloggs said: 'The workers' canteen will stay open all year.'",
       {{"The workers' canteen", "direct", "Jo Bloggs", "speaker-verb-colon/name"}}},
      {"doubled apostrophes as marks",
       "''We are ready for the storm,'' said Jo Bloggs.",
       {{"We are ready", "direct", "Jo Bloggs", "verb-speaker/name"}}},
      {"a quote split by its cue",
       "\"Well,\" Jo Bloggs said, \"we will see what happens next.\"",
       {{"Well", "direct", "Jo Bloggs", "speaker-verb/name"},
        {"we will see", "direct", "Jo Bloggs", "speaker-verb-before/name"}}},
      {"a second quote in the paragraph continues the first",
       "\"We won,\" said Jo Bloggs. \"The whole street came out to vote for us today.\"",
       {{"We won", "direct", "Jo Bloggs", "verb-speaker/name"},
        {"The whole street", "direct", "Jo Bloggs", "same-paragraph/"}}},
      {"unclosed quote ends with its paragraph",
       "Jo Bloggs said: \"We will win the vote and then\n\nThe count starts at ten.",
       {{"We will win the vote", "direct", "Jo Bloggs", "speaker-verb-colon/name"}}},
      {"a stray closing mark pairs with nothing", "The shop\" sold 40 bikes in a week.", {}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("odd and unbalanced quote marks never break the spans", "[quotes]") {
  const std::string bodies[] = {
      "\"",
      "\"\"",
      "'",
      "\u201C\u201D",
      "\u201D \u201C",
      "He said: \"",
      "\"\n\n\"\n\n\"",
      "\u201C \u2018 \u2019 \u201D said Jo Bloggs.",
      "''''",
      "'' said Jo Bloggs ''",
      "\"a\" \"b\" \"c",
      "Jo Bloggs said: \u201CNothing closes here.\n\nNor here.\n\n\u201CStill open",
      "It was the workers' and the owners' 'deal', he said.",
      "\u2019Tis the season, said Jo Bloggs, \u201Cfor '90s songs.\u201D",
  };
  for (const std::string& body : bodies) {
    INFO(body);
    QuoteRun run(body);
    uint32_t size = static_cast<uint32_t>(run.doc.norm.text().size());
    uint32_t prev = 0;
    for (const Quote& q : run.ex.quotes) {
      CHECK(q.span.start <= q.span.end);
      CHECK(q.span.end <= size);
      CHECK(q.span.start >= prev);  // text order
      prev = q.span.start;
      CHECK((q.speaker >= -1 && q.speaker < static_cast<int>(run.ex.speakers.size())));
    }
  }
}

TEST_CASE("scare quotes and titles are not quotes", "[quotes]") {
  const Case cases[] = {
      {"scare quote", "The plan is a \"reset\" of the council's housing policy.", {}},
      {"title", "She starred in \"The Long Road\" at the town theatre last year.", {}},
      {"short phrase inside a sentence",
       "The so-called \"green corridor\" will open next spring along the canal.",
       {}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("reported speech without quote marks", "[quotes]") {
  const Case cases[] = {
      {"name said content",
       "Tom Hale said the new patrols had cut burglaries in the town.",
       {{"the new patrols had cut burglaries in the town", "reported", "Tom Hale",
         "speaker-verb-content/name"}}},
      {"warned that",
       "Priya Shah warned that fares would rise next year.",
       {{"that fares would rise next year", "reported", "Priya Shah", "speaker-verb-content/"}}},
      {"told + addressee + that",
       "Ann Peters told the Gazette that the depot would close.",
       {{"that the depot would close", "reported", "Ann Peters", "speaker-verb-content/"}}},
      {"content, name said",
       "Fares will rise next year, Priya Shah said.",
       {{"Fares will rise next year", "reported", "Priya Shah", "content-speaker-verb/name"}}},
      {"content, said name",
       "Fares will rise next year, said Priya Shah.",
       {{"Fares will rise next year", "reported", "Priya Shah", "content-verb-speaker/name"}}},
      {"according to, content",
       "According to Priya Shah, the trams will be ready by May.",
       {{"the trams will be ready by May", "reported", "Priya Shah", "according-to/name"}}},
      {"gerund",
       "Jo Bloggs left the meeting early, saying it had been a waste of time.",
       {{"it had been a waste of time", "reported", "Jo Bloggs", "gerund/name"}}},
      {"gerund after a noun",
       "Jo Bloggs posted a message saying that the depot would close.",
       {{"that the depot would close", "reported", "Jo Bloggs", "gerund/name"}}},
      {"a participle opening the sentence",
       "Citing the flood reports, Jo Bloggs closed the bridge for a week.",
       {{"the flood reports", "reported", "Jo Bloggs", "gerund-opening/name"}}},
      {"a negated progressive",
       "Jo Bloggs isn't saying whether the depot will close.",
       {{"whether the depot will close", "reported", "Jo Bloggs", "speaker-verb-content/"}}},
      {"no cue after 'without'", "It goes without saying that the depot will stay open.", {}},
      {"a named person's stance",
       "Jo Bloggs criticised the budget for the third year running.",
       {{"the budget for the third year running", "reported", "Jo Bloggs",
         "speaker-verb-content/name"}}},
      {"an organisation's stance needs a quote",
       "The council criticised the budget for the third year running.",
       {}},
      {"a stance is no trailing cue",
       "Steve Smith, the party's housing spokesman, criticised the plans for the estate.",
       {{"the plans for the estate", "reported", "Steve Smith", "speaker-verb-content/name"}}},
      {"mixed quote is one reported quote",
       "Jo Bloggs said the cuts were \"drastic and unfair\" for the town.",
       {{"the cuts were \"drastic and unfair\" for the town", "reported", "Jo Bloggs",
         "speaker-verb-content/name"}}},
      {"a naming verb with a quote is a mixed quote",
       "Jo Bloggs called the plan a \"reset\" of housing policy.",
       {{"the plan a \"reset\" of housing policy", "reported", "Jo Bloggs",
         "speaker-verb-content/name"}}},
      {"a person's naming verb with a complement is speech without a quote",
       "Jo Bloggs called the plan a reset of housing policy.",
       {{"the plan a reset of housing policy", "reported", "Jo Bloggs",
         "speaker-verb-content/name"}}},
      {"a naming verb without a complement is no speech (a phone call)",
       "Jo Bloggs called her brother on Friday after the match.",
       {}},
      {"an organisation's naming verb needs a quote",
       "The council called the plan a reset of housing policy.",
       {}},
      {"a progressive verb",
       "Jo Bloggs is warning that fares will rise in the spring.",
       {{"that fares will rise", "reported", "Jo Bloggs", "speaker-verb-content/name"}}},
      {"a relative who",
       "The plan was drawn up by Jo Bloggs, who said it would cut waiting times.",
       {{"it would cut waiting times", "reported", "Jo Bloggs", "relative-who/name"}}},
      {"coordinated verbs share the subject",
       "Jo Bloggs opened the depot and said it would hire forty drivers.",
       {{"it would hire forty drivers", "reported", "Jo Bloggs", "coordinated/name"}}},
      {"two cues in one sentence split the content",
       "When he spoke to staff, Tom Hale said the depot would stay open all year.",
       {{"the depot would stay open all year", "reported", "Tom Hale",
         "speaker-verb-content/name"}}},
      {"a trailing cue with a time and a clause after it",
       "The depot will close in March, Tom Hale said on Friday, as staff gathered outside.",
       {{"The depot will close in March", "reported", "Tom Hale", "content-speaker-verb/name"}}},
      {"a relative clause is no new speech",
       "He blamed the cuts which he said had hurt the town.",
       {}},
      {"no clause after the verb", "Jo Bloggs spoke to officers about the new rota.", {}},
      {"figures are sources, not speakers",
       "The statistics also revealed that 40 depots had closed since the spring.",
       {}},
      {"a description speaks but has no name",
       "A spokesman for the council said the road would reopen on Friday.",
       {{"the road would reopen", "reported", "", "speaker-verb-content/description"}}},
      {"an organisation speaks",
       "The Home Office said the scheme would be extended.",
       {{"the scheme would be extended", "reported", "Home Office", "speaker-verb-content/org"}}},
      {"announced needs no 'that'",
       "The Harbour Board announced it would cut the ferry fares in June.",
       {{"it would cut the ferry fares", "reported", "Harbour Board", "speaker-verb-content/org"}}},
      {"a subject with a phrase after its head speaks",
       "Shopkeepers in the old town say the new car park has brought back trade.",
       {{"the new car park has brought back trade", "reported", "",
         "speaker-verb-content/description"}}},
      {"a subject whose phrase ends in a name speaks, not the name",
       "On Friday, supporters of Jo Bloggs said the vote had been rigged.",
       {{"the vote had been rigged", "reported", "", "speaker-verb-content/description"}}},
      {"plural present verbs report",
       "Ferry crews warn the new timetable leaves too little time for repairs.",
       {{"the new timetable leaves", "reported", "", "speaker-verb-content/"}}},
      {"a progressive 'confirming that'",
       "The Harbour Board is confirming that the ferry will sail on Sunday.",
       {{"that the ferry will sail", "reported", "Harbour Board", "speaker-verb-content/org"}}},
      {"according to a report is reported speech too",
       "The bridge will need new cables within five years, according to a survey by the county.",
       {{"The bridge will need new cables", "reported", "", "according-to/description"}}},
      // Regression: the content of a sentence-initial "..., according to X" took in the dateline.
      {"according to after a dateline: the content starts after the dash",
       "PORTWELL, 3 May 2024 - The bridge will need new cables, according to a county survey.",
       {{"The bridge will need new cables", "reported", "", "according-to/description"}}},
      {"according to an organisation named with 'for' (of/for join its name)",
       "According to the Office for Tidal Records, the sea wall was raised twice.",
       {{"the sea wall was raised twice", "reported", "Office for Tidal Records",
         "according-to/org"}}},
      {"a manner adverb between the auxiliary and the verb",
       "Jo Bloggs has long said that the ferry should run all winter.",
       {{"that the ferry should run all winter", "reported", "Jo Bloggs",
         "speaker-verb-content/name"}}},
      {"lower-case modifiers before an organisation's name",
       "The independent Harbour Board says the ferry engine was at fault.",
       {{"the ferry engine was at fault", "reported", "Harbour Board",
         "speaker-verb-content/org"}}},
      {"a share of people speaks (poll answers)",
       "In the spring survey, 40 percent said the ferry should run at night.",
       {{"the ferry should run at night", "reported", "", "speaker-verb-content/description"}}},
      {"a verb of continuation before the speech verb",
       "Jo Bloggs went on to explain how the toll money would be spent.",
       {{"how the toll money would be spent", "reported", "Jo Bloggs",
         "speaker-verb-content/name"}}},
      {"a gerund 'announcing' after the clause",
       "Jo Bloggs held a meeting on Monday, announcing the depot would hire forty drivers.",
       {{"the depot would hire forty drivers", "reported", "Jo Bloggs", "gerund/name"}}},
      {"a weekday and a part of the day after a trailing cue",
       "The depot will close in March, Tom Hale said Friday afternoon.",
       {{"The depot will close in March", "reported", "Tom Hale", "content-speaker-verb/name"}}},
      {"an aside between dashes after the speaker",
       "Tom Hale -- author of a book on the old ferries -- said the boats were too old to repair.",
       {{"the boats were too old to repair", "reported", "Tom Hale", "speaker-verb-content/name"}}},
      {"an aside between em dashes after the speaker",
       "Tom Hale \u2014 a ferry captain for thirty years \u2014 said the boats were too old.",
       {{"the boats were too old", "reported", "Tom Hale", "speaker-verb-content/name"}}},
      {"what someone spoke about is reported",
       "Ann Peters spoke about her thirty years on the harbour council.",
       {{"her thirty years on the harbour council", "reported", "Ann Peters",
         "speaker-verb-content/name"}}},
      {"a speech noun after a possessor",
       "The council rejected Jo Bloggs's claim that the depot would close in March.",
       {{"that the depot would close in March", "reported", "Jo Bloggs", "speech-noun/name"}}},
      {"a speech noun before a relative 'that' is no speech",
       "The council rejected Jo Bloggs's claim that was sent in March.",
       {}},
      {"plural 'argue' reports",
       "They argue the new toll breaks the terms of the bridge licence.",
       {{"the new toll breaks", "reported", "", "speaker-verb-content/"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("the registry resolves aliases to the full name", "[quotes]") {
  const Case cases[] = {
      {"surname with honorific",
       "Chief Inspector Mark Lowe visited the school.\n\n"
       "Mr Lowe said: \"We are on the streets every night.\"",
       {{"We are on the streets", "direct", "Mark Lowe", "speaker-verb-colon/surname"}}},
      {"surname without honorific",
       "Pollster Ivo Marsh spoke on Thursday.\n\n\"The race is close,\" Marsh said.",
       {{"The race is close", "direct", "Ivo Marsh", "speaker-verb/surname"}}},
      {"a wrong honorific still finds the surname",
       "Councillor Ann Peters opened the depot.\n\nMr Peters said the depot would hire staff.",
       {{"the depot would hire staff", "reported", "Ann Peters", "speaker-verb-content/surname"}}},
      {"first name alone",
       "Mayor Ann Peters visited the depot.\n\nAnn has warned that costs are rising in the county.",
       {{"that costs are rising", "reported", "Ann Peters", "speaker-verb-content/first-name"}}},
      {"role alone",
       "The Mayor of Northshire, Ann Peters, opened the bridge.\n\n"
       "The Mayor said the bridge would carry more cars.",
       {{"the bridge would carry more cars", "reported", "Ann Peters",
         "speaker-verb-content/role"}}},
      {"the most recent full name with that surname",
       "Ann Peters and her brother Tom Peters both spoke.\n\n"
       "Tom Peters said the yard was safe.\n\n\"It is safe,\" Peters said.",
       {{"the yard was safe", "reported", "Tom Peters", ""},
        {"It is safe", "direct", "Tom Peters", "speaker-verb/surname"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("layouts: transcripts, headings, previous-sentence cues, appositions", "[quotes]") {
  const Case cases[] = {
      {"a transcript line in capitals names a known person",
       "Host Ann Peters spoke to Governor Ivo Marsh.\n\nMARSH: We will balance the budget "
       "this year.",
       {{"We will balance the budget", "direct", "Ivo Marsh", "speaker-colon-line/surname"}}},
      {"a heading with a colon names nobody", "UPDATE: The road reopened at noon on Friday.", {}},
      {"a short title-case line in quotes is a heading",
       "Ann Peters spoke first.\n\n\"Bridges Over The River\"\n\nThe bridge opened.",
       {}},
      {"a cue that ends the sentence before the quote",
       "The plan is sound, Mr. Ivo Marsh said. \"We have costed every line of it.\"",
       {{"The plan is sound", "reported", "Ivo Marsh", "content-speaker-verb/name"},
        {"We have costed", "direct", "Ivo Marsh", "previous-cue/name"}}},
      {"a cue in the middle of the sentence",
       "The plan, Ivo Marsh said, was costed line by line.",
       {{"The plan, Ivo Marsh said, was costed", "reported", "Ivo Marsh", "parenthetical/name"}}},
      {"an apposition chain with age and place",
       "Jo Bloggs, 59, of Northtown, Wessex, said the bridge had changed her life.",
       {{"the bridge had changed her life", "reported", "Jo Bloggs", "speaker-verb-content/name"}}},
      {"a parenthesis and an abbreviation after the name",
       "\"We will vote no,\" Sen. Ivo Marsh (R-Wessex) said on Tuesday.",
       {{"We will vote no", "direct", "Ivo Marsh", "speaker-verb/name"}}},
      {"a lone title that is also a surname is a name",
       "Presenter Ella King joined the station.\n\n\"It is a great team,\" King said.",
       {{"It is a great team", "direct", "Ella King", "speaker-verb/surname"}}},
      {"a title that is also a surname",
       "\"The show goes on,\" said Charlie King, a producer at the studio.",
       {{"The show goes on", "direct", "Charlie King", "verb-speaker/name"}}},
      {"a compound surname resolves to the full name",
       "Mayor Ana de Souza opened the bridge.\n\nDe Souza said the bridge would carry trams.",
       {{"the bridge would carry trams", "reported", "Ana de Souza", "speaker-verb-content/"}}},
      {"a stray word before a known name",
       "Ann Peters spoke first.\n\nRival Ann Peters said the vote was rigged.",
       {{"the vote was rigged", "reported", "Ann Peters", "speaker-verb-content/name"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("pronouns resolve to the most recent compatible person", "[quotes]") {
  const Case cases[] = {
      {"he after a named person",
       "Council leader Tom Hale opened the depot on Tuesday.\n\n"
       "\"It is a fine day for the town,\" he said.",
       {{"It is a fine day", "direct", "Tom Hale", "speaker-verb/pronoun"}}},
      {"she skips a man mentioned later",
       "Mrs Ann Peters met Mr Tom Hale at the depot.\n\n\"We agreed on a plan,\" she said.",
       {{"We agreed on a plan", "direct", "Ann Peters", "speaker-verb/pronoun"}}},
      {"he skips a woman mentioned later",
       "Mr Tom Hale met Mrs Ann Peters at the depot.\n\n\"We agreed on a plan,\" he said.",
       {{"We agreed on a plan", "direct", "Tom Hale", "speaker-verb/pronoun"}}},
      {"a pronoun with no compatible person falls back to the latest one",
       "Mr Ivo Marsh opened the fair.\n\nShe said: \"We sold every ticket for the weekend.\"",
       {{"We sold every ticket", "direct", "Ivo Marsh", "speaker-verb-colon/pronoun"}}},
      {"a pronoun does not reach across Notes to editors",
       "Tom Hale opened the depot.\n\nNotes to editors\n\n"
       "He said: \"The depot will open at eight every morning.\"",
       {{"The depot will open", "direct", "", "speaker-verb-colon/pronoun"}}},
  };
  for (const Case& c : cases) Check(c);
}

TEST_CASE("a lone unknown name that speaks is an organisation", "[quotes]") {
  // Regression: a company named by one word ("Harbourline said") became a person, so figures in
  // its statements got a speaker instead of a source.
  QuoteRun run("Northway said most of the growth came from 130 new drivers.");
  run.AddClaim("130");
  run.Attribute();
  REQUIRE(run.ex.speakers.size() == 1);
  CHECK(run.ex.speakers[0].name == "Northway");
  CHECK(run.ex.speakers[0].org == "Northway");
  CHECK(run.ex.claims[0].speaker == -1);
  CHECK(run.ex.claims[0].source == "Northway");
}

TEST_CASE("a two-word name never marked as a person is an organisation", "[quotes]") {
  struct Case {
    const char* body;
    const char* figure;
    const char* speaker;  // the claim's speaker ("" = none)
    const char* source;   // the claim's source ("" = none)
  };
  const Case cases[] = {
      // no first name, title or honorific: a company
      {"Stone Harbour said sales rose by 12% in the spring.", "12%", "", "Stone Harbour"},
      // a common first name: a person
      {"Peter Stone said sales rose by 12% in the spring.", "12%", "Peter Stone", ""},
      // a title: a person
      {"Chief executive Ola Stone said sales rose by 12% in the spring.", "12%", "Ola Stone", ""},
      // quoted directly: a person
      {"\"Sales rose by 12% in the spring,\" said Ola Stone.", "12%", "Ola Stone", ""},
  };
  for (const Case& c : cases) {
    INFO(c.body);
    QuoteRun run(c.body);
    run.AddClaim(c.figure);
    run.Attribute();
    CHECK(run.SpeakerOf(run.ex.claims[0].speaker) == c.speaker);
    CHECK(run.ex.claims[0].source == c.source);
  }
}

TEST_CASE("first names give pronouns a gender", "[quotes]") {
  QuoteRun run("Laura Stone met Peter Hale at the depot.\n\n\"We agreed on a plan,\" she said.");
  REQUIRE(run.ex.quotes.size() == 1);
  CHECK(run.SpeakerOf(run.ex.quotes[0].speaker) == "Laura Stone");
}

TEST_CASE("names and titles do not run across paragraphs", "[quotes]") {
  // Regression: a headline without a full stop became the title of the speaker named in the
  // next paragraph ("Mayor opens bridge ... , Jo Bloggs, said").
  QuoteRun run(
      "Mayor opens the new bridge over the river\n\n"
      "The Mayor of Northshire, Jo Bloggs, said the bridge would carry trams.");
  REQUIRE(run.ex.speakers.size() == 1);
  CHECK(run.ex.speakers[0].name == "Jo Bloggs");
  CHECK(run.ex.speakers[0].role == "Mayor of Northshire");
}

TEST_CASE("pronouns prefer people marked as such", "[quotes]") {
  // Regression: "People in Lantern Hill told me," she said -> "Lantern Hill".
  QuoteRun run(
      "Mayor Ann Peters opened the depot.\n\n"
      "\"People in Stone Cross have told me about the fares,\" she said.");
  REQUIRE(run.ex.quotes.size() == 1);
  CHECK(run.SpeakerOf(run.ex.quotes[0].speaker) == "Ann Peters");
}

TEST_CASE("speakers carry role and aliases", "[quotes]") {
  QuoteRun run(
      "Steve Smith, the council's housing spokesman, opened the site.\n\n"
      "\"We will build 300 homes,\" Mr Smith said.\n\n"
      "\"They will be ready next year,\" he added.");
  REQUIRE(run.ex.speakers.size() == 1);
  const Speaker& s = run.ex.speakers[0];
  CHECK(s.name == "Steve Smith");
  CHECK(s.role == "council's housing spokesman");
  CHECK(s.aliases == std::vector<std::string>{"Mr Smith"});
  REQUIRE(run.ex.quotes.size() == 2);
  CHECK(run.ex.quotes[0].cue == "Mr Smith said");
  CHECK(run.ex.quotes[1].cue == "he added");
}

TEST_CASE("quote rule files: a bad line names its file and line", "[quotes]") {
  struct BadCase {
    const char* file;
    const char* content;
    const char* message;
  };
  const BadCase cases[] = {
      {"speech_verbs.txt", "said  report\nclaimed  report,loud\n",
       "patterns/speech_verbs.txt:2: unknown flag 'loud'"},
      {"honorifics.txt", "Mr  male\nDr\n", "patterns/honorifics.txt:2: expected: FORM GENDER"},
      {"roles.txt", "Mayor  mayoral\n", "patterns/roles.txt:1: unknown gender 'mayoral'"},
      {"function_words.txt", "the  article\n",
       "patterns/function_words.txt:1: unknown class 'article'"},
  };
  for (const BadCase& c : cases) {
    std::map<std::string, std::string> files;
    for (const EmbeddedFile& f : Embedded_patterns()) files[std::string(f.name)] = f.content;
    files[c.file] = c.content;
    auto rules = RuleSet::FromStrings(files);
    REQUIRE(rules.ok());
    auto qf = QuoteFinder::Create(**rules);
    REQUIRE_FALSE(qf.ok());
    CHECK(qf.status().message() == c.message);
  }
}

// Regression (issue 8, speed): WordIndex::FirstAt / EndAt use a branch-free binary search and
// may take the Document's folded copy of the text; both must answer as before at every offset.
TEST_CASE("WordIndex offset look-ups and a given lower-case copy", "[quotes]") {
  const std::string texts[] = {
      "",
      "One",
      "  Mr Dale SAID: \"It works,\" on 3.5 days\u2014really .\n\nNext  PARAGRAPH here",
  };
  for (const std::string& text : texts) {
    INFO(text);
    std::string lower = text;
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    WordIndex own(text);
    WordIndex given(text, lower);
    REQUIRE(own.size() == given.size());
    for (int i = 0; i < own.size(); ++i) {
      CHECK(own.Lower(i) == given.Lower(i));
      const QWord& w = own[i];
      CHECK(own.Lower(i) == std::string_view(lower).substr(w.start, w.end - w.start));
    }
    for (uint32_t off = 0; off <= text.size() + 1; ++off) {
      int first = 0;  // the first word starting at or after off
      while (first < own.size() && own[first].start < off) ++first;
      int end = 0;  // one past the last word ending at or before off
      while (end < own.size() && own[end].end <= off) ++end;
      CHECK(own.FirstAt(off) == first);
      CHECK(own.EndAt(off) == end);
    }
  }
}

}  // namespace
}  // namespace claimex
