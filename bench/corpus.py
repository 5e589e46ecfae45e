"""A synthetic news corpus for the speed benchmarks: mixed news where most sentences hold no relation.

    .venv/bin/python bench/corpus.py --docs 2000 -o /tmp/corpus.jsonl

Deterministic for a seed. About a third of the documents are world news:
relation sentences from templates over the actor knowledge base (states,
leaders, organizations, with pronouns and "the two countries" references),
sentences and paragraphs of the articles in samples/, and background. The
rest are sports, markets, weather, technology, culture and local news whose
sentences name teams, companies, cities and people, sometimes with words that
look like triggers ("signed", "attack", "support"). Every document has a
headline line and paragraphs of one to four sentences; ids are doc-00001...
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

STATES = ["Russia", "China", "North Korea", "Iran", "the United States", "Ukraine", "France", "Germany", "Japan",
          "South Korea", "India", "Turkey", "Israel", "Saudi Arabia", "Brazil", "Venezuela", "Mali", "Niger",
          "Poland", "Finland", "Sweden", "Australia", "the United Kingdom", "Pakistan", "Syria", "Belarus",
          "Cuba", "Egypt", "Qatar", "Hungary", "Serbia", "Vietnam", "the Philippines", "Taiwan", "Armenia",
          "Azerbaijan", "Ethiopia", "Sudan", "Kenya", "Nigeria", "Mexico", "Canada", "Italy", "Spain"]
CAPITALS = ["Moscow", "Beijing", "Pyongyang", "Tehran", "Washington", "Kyiv", "Paris", "Berlin", "Tokyo", "Seoul",
            "New Delhi", "Ankara", "Riyadh", "Caracas", "Warsaw", "Canberra", "London", "Islamabad", "Minsk"]
ORGS = ["NATO", "the European Union", "the United Nations", "ASEAN", "the African Union", "ECOWAS",
        "the G7", "the IAEA", "Hamas", "Hezbollah", "the Houthis", "the Wagner Group"]
LEADERS = ["Vladimir Putin", "Xi Jinping", "Kim Jong Un", "Emmanuel Macron", "Olaf Scholz", "Narendra Modi",
           "Recep Tayyip Erdogan", "Benjamin Netanyahu", "Volodymyr Zelensky", "Joe Biden", "Nicolas Maduro",
           "Sergei Lavrov", "Antony Blinken", "Wang Yi", "Mohammed bin Salman", "Luiz Inacio Lula da Silva"]
DEMONYMS = ["Russian", "Chinese", "North Korean", "Iranian", "American", "Ukrainian", "French", "German",
            "Japanese", "Indian", "Turkish", "Israeli", "Saudi", "Brazilian", "Polish", "British"]

RELATION_TEMPLATES = [
    "{A} signed a defence pact with {B} on {day}.",
    "{A} and {B} signed a strategic partnership agreement in {capital}.",
    "{A} supplied artillery shells and drones to {B}, according to {demonym} officials.",
    "{leader} met {leader2} in {capital} to discuss trade and security.",
    "{A} accused {B} of supplying weapons to armed groups in the region.",
    "{A} imposed new sanctions on {B} over its nuclear programme.",
    "{leader} pledged unconditional support for {B} during a visit to {capital}.",
    "{A} condemned {B} for the missile strike on a residential area.",
    "{A} and {B} held joint naval exercises in the {sea}.",
    "{A} denied that it had sent troops to {B}.",
    "{A} is reportedly preparing to sell fighter jets to {B}.",
    "{org} criticized {A} for its crackdown on protesters.",
    "{A} joined {org} last year after decades of neutrality.",
    "{demonym} President {leader} warned {B} against any further provocation.",
    "{A} expelled two diplomats from {B} on {day}.",
    "The talks between {A} and {B} ended without an agreement.",
    "{A} has strengthened its ties with {B} since the war began.",
    "{A} threatened to cut off gas supplies to {B}.",
    "{leader} thanked {A} for its humanitarian aid after the earthquake.",
    "Officials in {capital} said {A} would provide {B} with air defence systems.",
]
FOLLOW_UPS = [
    "The two countries have grown closer since the invasion of Ukraine.",
    "It also agreed to share intelligence on regional threats.",
    "They pledged to deepen military cooperation over the next decade.",
    "The government rejected the accusation as baseless.",
    "He said the agreement would be implemented in stages.",
    "Both sides agreed to meet again in the autumn.",
]
BACKGROUND = [
    "The conflict has displaced more than two million people, according to aid agencies.",
    "Analysts say the economy has been hit hard by inflation and a weak currency.",
    "The parliament is expected to vote on the budget next month.",
    "Elections are due to be held before the end of the year.",
    "The ministry did not respond to a request for comment.",
    "Prices of bread and fuel have risen sharply in recent weeks.",
    "The border crossing was reopened on {day} after a week of closures.",
    "Opposition parties called for an independent investigation.",
]

CITIES = ["Lyon", "Porto", "Osaka", "Denver", "Leeds", "Bilbao", "Gdansk", "Turin", "Rotterdam", "Marseille",
          "Austin", "Glasgow", "Nagoya", "Valencia", "Munich", "Seville", "Bordeaux", "Hamburg", "Perth", "Dallas"]
TEAMS = ["Arsenal", "Benfica", "Ajax", "Celtic", "Juventus", "Bayern Munich", "Real Betis", "Porto FC",
         "the Denver Nuggets", "the Boston Celtics", "Leeds United", "Olympique Lyon", "Sevilla", "Feyenoord",
         "the Osaka Tigers", "Hamburg SV", "Valencia CF", "Aston Villa", "Napoli", "Borussia Dortmund"]
COMPANIES = ["Norwell Foods", "Tessaro Motors", "Brightline Energy", "Kestrel Software", "Alder Pharma",
             "Halcyon Airlines", "Mercer Retail", "Quorum Bank", "Vantor Mining", "Orchid Telecom",
             "Pinecrest Insurance", "Solenne Cosmetics", "Graybar Logistics", "Lumina Chips"]
FIRST = ["Maria", "James", "Sofia", "Liam", "Chen", "Amara", "Lucas", "Elena", "Omar", "Hannah", "Diego",
         "Yuki", "Priya", "Tom", "Ana", "Felix", "Grace", "Marco", "Nina", "Samuel"]
LAST = ["Lopez", "Carter", "Rossi", "Novak", "Okafor", "Jensen", "Moreau", "Tanaka", "Silva", "Fischer",
        "Kowalski", "Brennan", "Haddad", "Lindqvist", "Duarte", "Whitaker", "Ferreira", "Nakamura"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SEAS = ["Sea of Japan", "Black Sea", "Mediterranean", "Baltic Sea", "Arabian Sea", "South China Sea"]

FILLER = {
    "sports": [
        "{team} beat {team2} 3-1 on {day}, with {person} scoring twice in the second half.",
        "The match in {city} was delayed by forty minutes because of heavy rain.",
        "{person} has signed a three-year contract with {team} after a successful season.",
        "The coach said his players showed great character in the final minutes.",
        "Tickets for the final sold out within an hour of going on sale.",
        "{team} remain top of the table, two points ahead of {team2}.",
        "The striker was substituted at half-time with a hamstring injury.",
        "Fans gathered outside the stadium hours before kick-off.",
        "{person} will miss the next three games through suspension.",
        "The defence struggled to contain the attack of {team2} throughout the afternoon.",
    ],
    "markets": [
        "Shares of {company} rose 4.2 percent on {day} after the company raised its profit forecast.",
        "The benchmark index closed 0.8 percent lower as investors weighed higher bond yields.",
        "{company} said quarterly revenue grew to 2.3 billion dollars, beating analyst estimates.",
        "Oil prices fell for a third straight session amid signs of weaker demand.",
        "Analysts at {company} expect interest rates to stay on hold until the autumn.",
        "The euro slipped against the dollar in thin holiday trading.",
        "{company} agreed to buy a smaller rival in a deal valued at 640 million dollars.",
        "Retail sales rose more than expected in the three months to June.",
        "{person}, chief executive of {company}, said the outlook for next year remained uncertain.",
        "Gold hit a record high as traders looked for safe assets.",
    ],
    "weather": [
        "Temperatures are expected to reach 34 degrees in {city} on {day}.",
        "Forecasters warned of thunderstorms and strong winds across the region.",
        "Heavy snow closed several mountain roads overnight.",
        "The drought has left reservoirs at their lowest level in two decades.",
        "Residents were advised to stay indoors during the hottest hours of the day.",
        "A cold front will bring cooler air and scattered showers by the weekend.",
        "Flooding in {city} forced the closure of two schools and a hospital wing.",
    ],
    "technology": [
        "{company} unveiled a new smartphone with a larger battery and a faster chip.",
        "The update fixes a security flaw that allowed attackers to read private messages.",
        "{person} said the startup would hire two hundred engineers in {city} this year.",
        "Regulators are reviewing how the app collects data from children.",
        "The outage affected millions of users for several hours on {day}.",
        "Researchers trained the model on public images and text.",
        "{company} will support the older devices until the end of next year.",
    ],
    "culture": [
        "The film opened to strong reviews at the festival in {city}.",
        "{person} won the award for best novel with a story set in a fishing village.",
        "The museum will reopen in March after a two-year renovation.",
        "The band announced a world tour starting in {city} in the spring.",
        "Critics praised the production for its bold staging and music.",
        "The exhibition brings together more than two hundred paintings and drawings.",
    ],
    "local": [
        "The city council approved plans for a new bridge over the river.",
        "Police said two people were arrested after a break-in at a shop in {city}.",
        "Volunteers collected more than five tonnes of litter from the beach.",
        "The mayor of {city}, {person}, promised to expand the bus network.",
        "Residents complained about noise from the construction site.",
        "The library will extend its opening hours from next week.",
        "A fire at a warehouse in {city} was brought under control by {day} morning.",
    ],
}
HEADLINES = {
    "world": ["{A} and {B} deepen military ties", "{A} accuses {B} of arming rebels", "Talks between {A} and {B} stall",
              "{leader} visits {capital}", "Sanctions on {B} tightened"],
    "sports": ["{team} edge {team2} in thriller", "Injury blow for {team}", "Title race heats up"],
    "markets": ["{company} shares jump on forecast", "Stocks slip as yields climb", "Oil extends losses"],
    "weather": ["Heatwave grips {city}", "Storms expected this weekend", "Drought deepens"],
    "technology": ["{company} unveils new phone", "App outage hits millions", "Regulators probe data use"],
    "culture": ["Festival hit opens in {city}", "Museum to reopen after renovation", "Band announces tour"],
    "local": ["Council backs new bridge", "Arrests after shop break-in", "Beach clean-up success"],
}


def _sample_sentences() -> list[list[str]]:
    """The sample articles' paragraphs (headline line left out), as lists of sentences."""
    paragraphs = []
    for path in sorted(SAMPLES.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for line in lines[1:]:
            paragraphs.append([s for s in re.split(r"(?<=[.!?’”])\s+(?=[A-Z‘“])", line) if s])
    return paragraphs


class Corpus:
    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        self.samples = _sample_sentences()

    def fill(self, template: str) -> str:
        rng = self.rng
        a, b = rng.sample(STATES, 2)
        leader, leader2 = rng.sample(LEADERS, 2)
        team, team2 = rng.sample(TEAMS, 2)
        values = {"A": a, "B": b, "leader": leader, "leader2": leader2, "capital": rng.choice(CAPITALS),
                  "org": rng.choice(ORGS), "demonym": rng.choice(DEMONYMS), "day": rng.choice(DAYS),
                  "sea": rng.choice(SEAS), "team": team, "team2": team2, "company": rng.choice(COMPANIES),
                  "city": rng.choice(CITIES), "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}"}
        text = template.format(**values)
        return text[0].upper() + text[1:]

    def sentence(self, topic: str) -> str:
        rng = self.rng
        if topic == "world":
            roll = rng.random()
            if roll < 0.35:
                return self.fill(rng.choice(RELATION_TEMPLATES))
            if roll < 0.5:
                return rng.choice(FOLLOW_UPS)
            if roll < 0.7:
                return rng.choice(rng.choice(self.samples))
            if roll < 0.85:
                return self.fill(rng.choice(BACKGROUND))
            return self.fill(rng.choice(FILLER[rng.choice(["markets", "local"])]))
        if rng.random() < 0.04:  # the odd world-news sentence in other sections
            return self.fill(rng.choice(RELATION_TEMPLATES))
        return self.fill(rng.choice(FILLER[topic]))

    def document(self, number: int) -> dict:
        rng = self.rng
        topic = rng.choices(list(HEADLINES), weights=(33, 20, 15, 8, 8, 8, 8))[0]
        lines = [self.fill(rng.choice(HEADLINES[topic]))]
        if topic == "world" and rng.random() < 0.08:  # now and then a whole sample article's paragraphs
            for paragraph in rng.sample(self.samples, 3):
                lines.append(" ".join(paragraph))
        for _ in range(rng.randint(3, 7)):
            lines.append(" ".join(self.sentence(topic) for _ in range(rng.randint(1, 4))))
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return {"id": f"doc-{number:05d}", "date": day, "text": "\n".join(lines) + "\n"}

    def documents(self, count: int) -> Iterator[dict]:
        for number in range(1, count + 1):
            yield self.document(number)


def write_corpus(path: Path, count: int, seed: int = 7, start: int = 0) -> Path:
    """Write ``count`` documents as JSON Lines (the first ``start`` generated ones left out)."""
    corpus = Corpus(seed)
    with open(path, "w", encoding="utf-8") as handle:
        for number, record in enumerate(corpus.documents(start + count)):
            if number >= start:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    write_corpus(args.output, args.docs, args.seed)
    print(f"wrote {args.docs} documents to {args.output}")


if __name__ == "__main__":
    main()
