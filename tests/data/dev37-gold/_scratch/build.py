import json, os

BASE = "/work/main/tests/data/dev37-gold"

IDS = {
    # countries
    "United States": "USA", "Canada": "CAN", "Mexico": "MEX", "Cuba": "CUB", "Venezuela": "VEN",
    "Russia": "RUS", "Ukraine": "UKR", "Belgium": "BEL", "Italy": "ITA", "Bulgaria": "BGR",
    "France": "FRA", "Germany": "DEU", "Netherlands": "NLD", "China": "CHN", "Hungary": "HUN",
    "Slovakia": "SVK", "Czech Republic": "CZE", "Denmark": "DNK", "Norway": "NOR", "Sweden": "SWE",
    "Spain": "ESP", "Lithuania": "LTU", "Latvia": "LVA", "Poland": "POL", "Belarus": "BLR",
    "Greece": "GRC", "United Kingdom": "GBR", "Serbia": "SRB", "Vatican": "VAT", "Paraguay": "PRY",
    "Dominican Republic": "DOM", "Brazil": "BRA", "Argentina": "ARG", "Colombia": "COL",
    "United Arab Emirates": "ARE", "Qatar": "QAT", "Saudi Arabia": "SAU", "Uzbekistan": "UZB",
    "India": "IND", "Nicaragua": "NIC",
    # organizations
    "European Union": "EU", "NATO": "NATO", "Gulf Cooperation Council": "GCC",
    # people
    "Dmitry Peskov": "dmitry-peskov", "Steve Witkoff": "steve-witkoff", "Bart De Wever": "bart-de-wever",
    "Volodymyr Zelensky": "volodymyr-zelensky", "Kirill Dmitriev": "kirill-dmitriev",
    "Ursula von der Leyen": "ursula-von-der-leyen", "Vincent Karremans": "vincent-karremans",
    "Maros Sefcovic": "maros-sefcovic", "Wang Wentao": "wang-wentao", "Donald Trump": "donald-trump",
    "Xi Jinping": "xi-jinping", "Mark Rutte": "mark-rutte", "Matthew Whitaker": "matthew-whitaker",
    "Sergei Ryabkov": "sergei-ryabkov", "Claudia Sheinbaum": "claudia-sheinbaum", "Rick Scott": "rick-scott",
    "Mark Carney": "mark-carney", "Doug Ford": "doug-ford", "Anita Anand": "anita-anand",
    "Emmanuel Macron": "emmanuel-macron", "Ulf Kristersson": "ulf-kristersson", "Pedro Sanchez": "pedro-sanchez",
    "Inga Ruginiene": "inga-ruginiene", "Alexander Lukashenko": "alexander-lukashenko", "John Coale": "john-coale",
    "Robert Fico": "robert-fico", "Vladimir Putin": "vladimir-putin", "Aleksandar Vucic": "aleksandar-vucic",
    "Friedrich Merz": "friedrich-merz", "Pope Leo XIV": "pope-leo-xiv", "Nicolas Maduro": "nicolas-maduro",
    "Pete Hegseth": "pete-hegseth", "Luis Abinader": "luis-abinader", "Ruben Ramirez Lezcano": "ruben-ramirez-lezcano",
    "Luiz Inacio Lula da Silva": "luiz-inacio-lula-da-silva", "Gustavo Petro": "gustavo-petro",
    "Felipe VI": "felipe-vi", "Saad al-Kaabi": "saad-al-kaabi", "Ding Xuexiang": "ding-xuexiang",
    "Shavkat Mirziyoyev": "shavkat-mirziyoyev", "Khalid al-Falih": "khalid-al-falih",
    "Johann Wadephul": "johann-wadephul",
}


def T(s, r, t, flag="", accept=None):
    d = {"source": s, "relation": r, "target": t, "negated": flag == "n", "hedged": flag == "h",
         "source_id": IDS[s], "target_id": IDS[t]}
    if accept:
        d["accept"] = accept
    return d


DOCS = []


def doc(stem, date, style, topic, paras):
    DOCS.append(dict(stem=stem, date=date, style=style, topic=topic, paras=paras))


# ---------------------------------------------------------------- A1
doc("eu_reparations_loan", "2025-12-22", "analysis (ECFR commentary)",
    "The EU drops the reparations loan on frozen Russian assets for 90 billion euros of joint debt; De Wever's refusal, the Euroclear suit and Peskov's warning, Witkoff's reported lobbying, Zelensky's thanks, the indefinite freeze",
    [
        [("Why the EU blinked on Russia's frozen billions, and what Ukraine got instead", [])],
        [("When European Union leaders left Brussels on 19 December, they had agreed to lend Ukraine 90 billion euros over the next two years, but not in the form that Germany's chancellor, Friedrich Merz, and the European Commission had spent three months championing.",
          [T("European Union", "AID", "Ukraine", "h")]),
         ("The reparations loan, which would have used the Russian central bank's assets immobilised at Euroclear to fund Kyiv, foundered on the refusal of Belgium's prime minister, Bart De Wever, to carry the legal risk alone.", [])],
        [("De Wever's objection was never about abandoning Ukraine, which Belgium has backed with F-16 jets and money since 2022; it was about who would pay if Moscow won in court.",
          [T("Belgium", "SUPPLY_ARMS", "Ukraine"), T("Belgium", "AID", "Ukraine")]),
         ("The Kremlin made sure the risk was real: Russia's central bank sued Euroclear in Moscow on 12 December, and Dmitry Peskov, Vladimir Putin's spokesman, warned the European Union that any confiscation would be 'answered'.",
          [T("Dmitry Peskov", "THREATEN", "European Union")])],
        [("Belgium was not isolated.", []),
         ("Italy and Bulgaria, and more quietly France, sided with De Wever, while Hungary's Viktor Orban and Slovakia's Robert Fico said they would veto any scheme that put their budgets on the hook for Kyiv.",
          [T("Italy", "SUPPORT", "Bart De Wever"), T("Bulgaria", "SUPPORT", "Bart De Wever"), T("France", "SUPPORT", "Bart De Wever")]),
         ("The compromise therefore lets Budapest, Bratislava and Prague stay out of the joint borrowing, as Andrej Babis, Czech prime minister for barely ten days, had demanded.", [])],
        [("Other backers of Kyiv have their own limits: Britain and Canada, which had offered to match the EU with loans secured on the Russian assets they hold, now say they will wait, and Norway has ruled out using its oil fund to guarantee Belgium's exposure.",
          [T("United Kingdom", "SUPPORT", "Ukraine"), T("Canada", "SUPPORT", "Ukraine"),
           T("United Kingdom", "AID", "Ukraine", "h"), T("Canada", "AID", "Ukraine", "h"),
           T("Norway", "AID", "Belgium", "n")])],
        [("Washington's role was harder to read.", []),
         ("The American peace plan circulated in November reportedly earmarked 100 billion dollars of the frozen assets for American-run reconstruction funds, and European diplomats said that Steve Witkoff had urged Belgium to hold off on the loan while Washington negotiated with Moscow.",
          [T("Steve Witkoff", "REQUEST", "Belgium", "h"), T("United States", "MEET", "Russia", "h")]),
         ("The White House denied that it had lobbied De Wever, and Marco Rubio told reporters that the decision belonged to the Europeans alone.",
          [T("United States", "REQUEST", "Bart De Wever", "n")])],
        [("What Kyiv gets is money without the political signal it wanted.", []),
         ("Volodymyr Zelensky thanked the European Council for the loan but said that using Russia's assets would have been 'the fair solution', and his government will still need to find roughly 45 billion euros a year from other partners, by IMF estimates.",
          [T("Volodymyr Zelensky", "SUPPORT", "European Union")]),
         ("Moscow claimed a victory, and Kirill Dmitriev, Putin's investment envoy, mocked Ursula von der Leyen on social media for having 'failed to steal' the assets.",
          [T("Kirill Dmitriev", "CRITICIZE", "Ursula von der Leyen")]),
         ("The assets stay frozen: a week earlier the EU had decided to immobilise them indefinitely rather than renew the freeze every six months, so the bloc keeps its leverage over Russia, at least on paper.",
          [T("European Union", "SANCTION", "Russia")])],
    ])

# ---------------------------------------------------------------- A2
doc("nexperia_netherlands_china", "2025-11-24", "analysis (Clingendael commentary)",
    "The Dutch seizure of Nexperia between the US affiliates rule and China's export ban; US pressure on The Hague, German complaints, Sefcovic and Wang on rare earths, the Busan truce, Karremans suspends the order, ASML controls",
    [
        [("The Nexperia affair shows how little room The Hague has between Washington and Beijing", [])],
        [("On 30 September the Dutch economy minister, Vincent Karremans, invoked a Cold War-era law to take control of Nexperia, the Chinese-owned chipmaker based in Nijmegen, citing governance failures under its chief executive, Zhang Xuezheng.", []),
         ("The move came a day after Washington extended its export blacklist to subsidiaries owned 50 percent or more by listed firms, a rule that caught Nexperia because its parent, Wingtech, had been on the list since December 2024, and court papers later showed that American officials had pressed The Hague to remove Zhang.",
          [T("United States", "REQUEST", "Netherlands", "h")]),
         ("Beijing's answer was swift: on 4 October China's Commerce Ministry barred Nexperia's Chinese plant from exporting finished chips and accused the Netherlands of 'improper interference' in a Chinese-owned company, and within weeks carmakers from Volkswagen to Honda were warning that their European assembly lines could stop.",
          [T("China", "CRITICIZE", "Netherlands")])],
        [("For the Dutch government the affair exposed a dependency it had preferred not to discuss.", []),
         ("Karremans went to Brussels for talks with the European Commission, German officials complained that Berlin had not been warned before the seizure, and the Chinese embassy in The Hague accused the Netherlands of bowing to American pressure.",
          [T("Vincent Karremans", "MEET", "European Union"), T("Germany", "CRITICIZE", "Netherlands"),
           T("China", "CRITICIZE", "Netherlands"), T("United States", "REQUEST", "Netherlands", "h")]),
         ("Beijing's grip on refined rare earths made the point for it: the same week, the bloc's trade commissioner, Maros Sefcovic, was pleading with China's commerce minister, Wang Wentao, to lift the new export licences on magnets that threatened Europe's factories.",
          [T("Maros Sefcovic", "REQUEST", "Wang Wentao")])],
        [("The way out ran through the summit between Donald Trump and Xi Jinping in Busan on 30 October, where the two leaders struck a trade truce: Washington suspended the affiliates rule for a year and Beijing promised to resume chip exports from Nexperia's Chinese plant.",
          [T("Donald Trump", "MEET", "Xi Jinping"), T("Donald Trump", "AGREE", "Xi Jinping")]),
         ("On 19 November Karremans suspended his order, calling it 'a gesture of goodwill' after talks with Chinese officials, and China's Commerce Ministry welcomed the step while demanding that the Dutch revoke it entirely.",
          [T("Vincent Karremans", "MEET", "China"), T("China", "SUPPORT", "Vincent Karremans"), T("China", "REQUEST", "Netherlands")])],
        [("Nothing in that sequence resolves the underlying problem.", []),
         ("Nexperia's headquarters in Nijmegen and its plant in Dongguan are still fighting over wafers and unpaid invoices, and an Amsterdam court has yet to rule on Wingtech's appeal.", []),
         ("The Netherlands, which already restricts ASML's sales of lithography machines to China at Washington's request, has again been cast as the place where the rivalry between the two capitals is fought out, and European officials concede privately that the EU's new economic security doctrine would not have spared it.",
          [T("Netherlands", "SANCTION", "China"), T("United States", "REQUEST", "Netherlands")]),
         ("Germany's economy minister, Katherina Reiche, has said Berlin would back a European stockpile of legacy chips, but no government has yet offered the Dutch anything more concrete than sympathy.", [])],
    ])

# ---------------------------------------------------------------- A3
doc("purl_ukraine_weapons", "2025-10-08", "op-ed (Atlantic Council)",
    "NATO's PURL mechanism: Europeans and Canada pay for American weapons for Ukraine; Trump and Rutte's bargain, Patriots, France and Italy's SAMP/T, Spain and Hungary stay out, Ryabkov's warning, no Tomahawks",
    [
        [("Buying American for Ukraine: the PURL bargain and its limits", [])],
        [("The mechanism that NATO calls the Prioritised Ukraine Requirements List, or PURL, was born of a bargain struck at the White House in July, when Donald Trump told Mark Rutte that Washington would keep sending Patriot missiles and other weapons to Kyiv as long as the Europeans paid for them.",
          [T("Donald Trump", "MEET", "Mark Rutte"), T("Donald Trump", "AGREE", "Mark Rutte"),
           T("United States", "SUPPLY_ARMS", "Ukraine", "h")]),
         ("The Netherlands moved first, pledging 500 million euros on 4 August to buy American air-defence equipment for Ukraine, and Denmark, Norway and Sweden followed a day later with a package of similar size, while Germany announced its own 500-million-dollar contribution within the fortnight.",
          [T("Netherlands", "SUPPLY_ARMS", "Ukraine", "h"), T("United States", "SUPPLY_ARMS", "Ukraine", "h"),
           T("Denmark", "SUPPLY_ARMS", "Ukraine", "h"), T("Norway", "SUPPLY_ARMS", "Ukraine", "h"),
           T("Sweden", "SUPPLY_ARMS", "Ukraine", "h"), T("Germany", "SUPPLY_ARMS", "Ukraine", "h")]),
         ("By early October Canada, Belgium, Finland, Latvia, Estonia and Lithuania had also paid in, bringing the total to just over two billion dollars, according to NATO.", [])],
        [("The arrangement suits Washington.", []),
         ("It keeps American production lines busy, lets Trump say that the United States no longer gives Ukraine anything for free, and leaves the Pentagon, rather than Kyiv, with the final word on what is released, a point Ukrainian officials raised when Volodymyr Zelensky met Trump at the United Nations General Assembly in September.",
          [T("United States", "AID", "Ukraine", "n"), T("Volodymyr Zelensky", "MEET", "Donald Trump")]),
         ("Kyiv has little choice: only American-made Patriot interceptors can stop the ballistic missiles that Russia fires at Ukrainian cities, and Germany, which has handed several Patriot systems of its own to Ukraine, is running short.",
          [T("Russia", "ATTACK", "Ukraine"), T("Germany", "SUPPLY_ARMS", "Ukraine")])],
        [("The limits are as visible as the gains.", []),
         ("France and Italy have not contributed, arguing that European money should go to European industry, and Paris has instead offered Kyiv more SAMP/T batteries built with Rome, a choice that Washington's ambassador to NATO, Matthew Whitaker, called short-sighted.",
          [T("France", "SUPPLY_ARMS", "Ukraine", "h"), T("France", "COOPERATE", "Italy"),
           T("Matthew Whitaker", "CRITICIZE", "France")]),
         ("Spain, which has rejected the alliance's new spending target, has not joined either.",
          [T("Spain", "REJECT", "NATO")]),
         ("Hungary, which has refused to send weapons to Ukraine since the start of the war, has blocked the use of the European Peace Facility to reimburse allies, which is one reason the Nordic governments preferred to route their money through NATO.",
          [T("Hungary", "SUPPLY_ARMS", "Ukraine", "n")])],
        [("Moscow has noticed.", []),
         ("Sergei Ryabkov, Russia's deputy foreign minister, said on Monday that the scheme had made NATO 'a direct party to the conflict' and warned that any Tomahawk missiles sent to Kyiv would open 'a qualitatively new stage' in Russia's relations with Washington.",
          [T("Sergei Ryabkov", "CRITICIZE", "NATO"), T("Sergei Ryabkov", "THREATEN", "United States", accept=["CRITICIZE"])]),
         ("Trump has so far declined to give Ukraine the Tomahawks, and for now PURL remains what it was designed to be: a way for European governments to keep Kyiv armed without asking Congress for a cent.",
          [T("Donald Trump", "SUPPLY_ARMS", "Ukraine", "n")])],
    ])

# ---------------------------------------------------------------- A4
doc("mexico_cuba_oil", "2025-12-18", "op-ed (Americas Quarterly)",
    "Mexico's oil shipments to Cuba after the US blockade of Venezuelan tankers; Sheinbaum's defence, Rick Scott and the State Department, cooperation with Washington, the embargo, Chinese solar parks and Russian fuel, a US warning",
    [
        [("Sheinbaum's oil lifeline to Havana is becoming a liability in Washington",
          [T("Claudia Sheinbaum", "AID", "Cuba")])],
        [("For most of this year Mexico has quietly been Cuba's largest supplier of crude oil, shipping about 20,000 barrels a day through Gasolinas Bienestar, a little-known subsidiary of the state oil company Pemex, according to tanker-tracking data.",
          [T("Mexico", "AID", "Cuba", "h", accept=["COOPERATE"])]),
         ("Claudia Sheinbaum has defended the shipments as humanitarian help for an island that suffered its fourth nationwide blackout in a year in September, and she has refused to say how much Havana owes.",
          [T("Claudia Sheinbaum", "AID", "Cuba")])],
        [("The timing could hardly be worse for her.", []),
         ("Since Donald Trump ordered a blockade of sanctioned tankers sailing to and from Venezuela this month, the Venezuelan cargoes that covered most of Cuba's needs for two decades have all but stopped, leaving Mexico and, to a lesser extent, Russia as the island's last suppliers.",
          [T("Donald Trump", "SANCTION", "Venezuela", accept=["MOBILIZE"]),
           T("Venezuela", "AID", "Cuba", accept=["COOPERATE"]), T("Mexico", "AID", "Cuba"),
           T("Russia", "AID", "Cuba", accept=["COOPERATE"])]),
         ("Republicans in Congress have noticed: Senator Rick Scott accused Sheinbaum last week of 'bankrolling a dictatorship', and the State Department has asked Mexico City for an accounting of the cargoes.",
          [T("Rick Scott", "CRITICIZE", "Claudia Sheinbaum"), T("United States", "REQUEST", "Mexico")])],
        [("Sheinbaum's answer so far has been to keep the two files apart.", []),
         ("Her government cooperates closely with Washington on fentanyl and migration, has sent dozens of cartel figures to the United States this year, and is preparing for next July's review of the USMCA trade pact, in which Trump's team has said Mexico's purchases from China will be scrutinised.",
          [T("Mexico", "COOPERATE", "United States"), T("Mexico", "COOPERATE", "China")]),
         ("On Cuba, by contrast, she invokes Mexico's long tradition of non-intervention and its refusal, since 1964, to join the American embargo on the island.",
          [T("United States", "SANCTION", "Cuba"), T("Mexico", "SANCTION", "Cuba", "n")])],
        [("Others have moved into the gap.", []),
         ("China has financed more than 50 solar parks on the island since 2024, and Russia has promised to send fuel and repair crews for Cuba's ageing thermal plants, though Moscow's deliveries have been irregular and, according to Cuban officials, smaller than announced.",
          [T("China", "AID", "Cuba"), T("Russia", "AID", "Cuba", "h")]),
         ("None of this makes Mexico's role less visible, and one Mexican diplomat said that Washington had already warned Mexico City that Cuba would come up in the trade review.",
          [T("United States", "THREATEN", "Mexico", "h")]),
         ("If that happens, Sheinbaum will have to choose between the island's lights and her country's biggest market.", [])],
    ])

# ---------------------------------------------------------------- W1
doc("canada_us_trade_talks_ad", "2025-10-25", "wire (Reuters)",
    "Trump ends trade talks with Canada over Ontario's Reagan advertisement and announces a further 10% tariff; Carney's response, Ford pulls the ad, the Kananaskis launch, Anand in New Delhi, Carney due in the UAE",
    [
        [("Trump ends trade talks with Canada over Ontario ad, adds 10% tariff",
          [T("Donald Trump", "REJECT", "Canada"), T("Donald Trump", "SANCTION", "Canada")])],
        [("WASHINGTON, Oct 25 - President Donald Trump said on Saturday he would raise tariffs on Canadian goods by a further 10 percent, two days after he abruptly terminated trade negotiations with Ottawa over a television advertisement run by the province of Ontario that used the voice of Ronald Reagan to criticise tariffs.",
          [T("Donald Trump", "SANCTION", "Canada", "h"), T("Donald Trump", "REJECT", "Canada")])],
        [("'Their advertisement was a FRAUD, and was a hostile act,' Trump wrote on social media, accusing Canada of trying to influence a pending Supreme Court case on his tariff powers.",
          [T("Donald Trump", "CRITICIZE", "Canada")])],
        [("Prime Minister Mark Carney, speaking in Kuala Lumpur on the eve of a regional summit, said Canada stood ready to resume talks 'when the Americans are ready' and that Ottawa would not negotiate 'through advertisements'.",
          [T("Canada", "MEET", "United States", "h")])],
        [("The negotiations had been launched by Carney and Trump in Kananaskis, Alberta, in June, when the two leaders agreed to seek a deal within 30 days.",
          [T("Mark Carney", "MEET", "Donald Trump"), T("Mark Carney", "AGREE", "Donald Trump")])],
        [("Ontario Premier Doug Ford said on Friday that he had agreed to pull the advertisement after speaking with Carney, but only after it aired during the first two games of the World Series this weekend.",
          [T("Doug Ford", "MEET", "Mark Carney", "h")])],
        [("The new rate would come on top of the 35 percent duty that Washington already imposes on Canadian goods not covered by the USMCA trade agreement, as well as sectoral tariffs on steel, aluminium, autos and lumber, trade lawyers said.",
          [T("United States", "SANCTION", "Canada", "h")]),
         ("The White House did not say when the increase would take effect, and the office of U.S. Trade Representative Jamieson Greer declined to comment.", [])],
        [("Canadian officials dismissed the White House's claim that the advertisement amounted to 'election interference', noting that it had been paid for by Ontario and not by the federal government.", []),
         ("Asked whether Canada would retaliate, Carney said Ottawa had no plans to reimpose the counter-tariffs on U.S. goods that it lifted on Sept. 1.",
          [T("Canada", "SANCTION", "United States", "n")])],
        [("Carney's government has been courting other markets since the spring: Foreign Minister Anita Anand visited New Delhi this month to restart talks on a trade deal with India, and Carney is due to travel to the United Arab Emirates in November.",
          [T("Anita Anand", "MEET", "India"), T("Mark Carney", "MEET", "United Arab Emirates", "h")]),
         ("'We will not be bullied,' Ford told reporters in Toronto, adding that the advertisement had 'achieved its goal'.", [])],
    ])

# ---------------------------------------------------------------- W2
doc("ukraine_rafale_letter", "2025-11-17", "wire (AFP)",
    "Zelensky and Macron sign a letter of intent for up to 100 Rafale jets and SAMP/T; the Gripen letter with Sweden, the EU loan and Belgium, Peskov's charge and Moscow's 'legitimate targets', Athens and Madrid",
    [
        [("Ukraine signs letter of intent for up to 100 French Rafale jets",
          [T("France", "SUPPLY_ARMS", "Ukraine", "h")])],
        [("VILLACOUBLAY, France, Nov 17 - Volodymyr Zelensky and Emmanuel Macron signed a letter of intent on Monday under which France would sell Ukraine up to 100 Rafale fighter jets over the next ten years, along with SAMP/T air-defence systems, radars and drones, the Elysee said.",
          [T("Volodymyr Zelensky", "AGREE", "Emmanuel Macron", "h"), T("Volodymyr Zelensky", "MEET", "Emmanuel Macron", "h"),
           T("France", "SUPPLY_ARMS", "Ukraine", "h")]),
         ("'This is a historic agreement,' Zelensky told reporters at the air base west of Paris, where the two presidents inspected a Rafale and a SAMP/T launcher.",
          [T("Volodymyr Zelensky", "MEET", "Emmanuel Macron")])],
        [("Macron said France would 'stand by Ukraine for as long as it takes' and would train Ukrainian pilots and technicians, but he did not say how the purchase would be financed.",
          [T("France", "SUPPORT", "Ukraine"), T("France", "COOPERATE", "Ukraine", "h")]),
         ("A first firm contract, for a dozen jets, is expected to be signed by the two governments early next year, a French official said.",
          [T("France", "AGREE", "Ukraine", "h")]),
         ("Officials in Kyiv have said the jets could be paid for with money from the European Union's planned loan based on frozen Russian assets, a scheme that Belgium has so far refused to back.",
          [T("European Union", "AID", "Ukraine", "h"), T("Belgium", "REJECT", "European Union")])],
        [("The agreement is the second of its kind in a month: on Oct. 22 Ukraine and Sweden signed a letter of intent in Linkoping for 100 to 150 Swedish-made Gripen E fighters, at a ceremony attended by Zelensky and Prime Minister Ulf Kristersson.",
          [T("Ukraine", "AGREE", "Sweden"), T("Sweden", "SUPPLY_ARMS", "Ukraine", "h"),
           T("Volodymyr Zelensky", "MEET", "Ulf Kristersson")]),
         ("Swedish officials have cautioned that the first Gripens could not be delivered before 2029, and that Stockholm might lease older Gripen C/D jets to Kyiv in the meantime.",
          [T("Sweden", "SUPPLY_ARMS", "Ukraine", "h")])],
        [("Moscow was quick to dismiss both deals.", []),
         ("Kremlin spokesman Dmitry Peskov said the purchases would 'not change the dynamics on the front' and accused Paris of 'fuelling the war' instead of pushing Kyiv towards peace, while Russia's Foreign Ministry said any such jets based in Ukraine would be 'legitimate targets'.",
          [T("Dmitry Peskov", "CRITICIZE", "France"), T("Russia", "THREATEN", "Ukraine")]),
         ("The French Defence Ministry rejected claims that the Rafales would be taken from the French air force's own fleet, saying they would be newly built by Dassault Aviation.", [])],
        [("Zelensky, who stopped in Athens on Sunday, where Ukraine and Greece signed a deal on winter gas deliveries, is due in Madrid on Tuesday for talks with Prime Minister Pedro Sanchez.",
          [T("Volodymyr Zelensky", "MEET", "Greece"), T("Ukraine", "AGREE", "Greece"),
           T("Volodymyr Zelensky", "MEET", "Spain", "h"), T("Volodymyr Zelensky", "MEET", "Pedro Sanchez", "h")])],
    ])

# ---------------------------------------------------------------- W3
doc("lithuania_belarus_balloons", "2025-10-28", "wire (AP)",
    "Lithuania closes the Belarus border over smuggling balloons and Minsk holds Lithuanian trucks; Lukashenko's charge, von der Leyen and Poland back Vilnius, the US opening to Minsk (Coale, Belavia, potash, Klaipeda), Minsk's condition",
    [
        [("Lithuania closes Belarus border over smuggling balloons, Minsk strands its trucks",
          [T("Lithuania", "SANCTION", "Belarus"), T("Belarus", "SANCTION", "Lithuania")])],
        [("VILNIUS, Oct 28 - Lithuania closed its two remaining border crossings with Belarus on Monday for at least a month after dozens of helium balloons carrying contraband cigarettes forced Vilnius airport to shut several times in a week, in what Prime Minister Inga Ruginiene called a 'hybrid attack' by the government in Minsk, officials said.",
          [T("Lithuania", "SANCTION", "Belarus", "h"), T("Inga Ruginiene", "CRITICIZE", "Belarus"),
           T("Belarus", "ATTACK", "Lithuania", "h")])],
        [("Belarus responded by refusing to let more than 1,000 Lithuanian trucks parked on its side of the border return home, and Alexander Lukashenko dismissed the accusations as 'a provocation' staged by Vilnius, according to the state news agency Belta.",
          [T("Belarus", "SANCTION", "Lithuania", "h"), T("Alexander Lukashenko", "CRITICIZE", "Lithuania")])],
        [("'We will not be blackmailed by Minsk,' Ruginiene told reporters, adding that Lithuania would ask the European Union to add the balloon operators to its next package of sanctions.",
          [T("Inga Ruginiene", "CRITICIZE", "Belarus"), T("Lithuania", "REQUEST", "European Union", "h")]),
         ("Ursula von der Leyen, the European Commission president, called the incursions from Belarus 'a hybrid attack' and said the bloc stood in full solidarity with Lithuania.",
          [T("Ursula von der Leyen", "CRITICIZE", "Belarus"), T("European Union", "SUPPORT", "Lithuania")])],
        [("Poland, which shut its own border with Belarus for two weeks in September during the joint Russian-Belarusian Zapad exercises, backed Vilnius, and Latvia said it was considering similar steps.",
          [T("Poland", "SUPPORT", "Lithuania"), T("Poland", "SANCTION", "Belarus"), T("Russia", "COOPERATE", "Belarus"),
           T("Latvia", "SANCTION", "Belarus", "h")])],
        [("The closure also complicates a U.S. effort to improve ties with Minsk.",
          [T("United States", "ALLY", "Belarus", "h")]),
         ("John Coale, Washington's envoy, met Lukashenko in Minsk in September and secured the release of 52 prisoners in a deal that lifted U.S. sanctions on the state airline Belavia.",
          [T("John Coale", "MEET", "Alexander Lukashenko"), T("John Coale", "MEET", "Belarus"),
           T("John Coale", "AGREE", "Alexander Lukashenko")]),
         ("Lukashenko has since pressed Washington to ease sanctions on Belarusian potash as well, but the fertiliser can only reach world markets cheaply through the Lithuanian port of Klaipeda, which Vilnius has refused to reopen to it.",
          [T("Alexander Lukashenko", "REQUEST", "United States"), T("United States", "SANCTION", "Belarus"),
           T("Lithuania", "REJECT", "Belarus")])],
        [("A State Department spokesperson said Washington 'fully supports' Lithuania's right to secure its border and had raised the fate of the trucks with Minsk.",
          [T("United States", "SUPPORT", "Lithuania"), T("United States", "MEET", "Belarus", "h", accept=["CRITICIZE"])]),
         ("Belarus's Foreign Ministry rejected claims that the balloons were launched with official approval and said the trucks would be released only when Lithuania reopened the border 'in full'.",
          [T("Belarus", "THREATEN", "Lithuania", accept=["REQUEST"])]),
         ("The crossings at Medininkai and Salcininkai are due to reopen on Nov. 30 at the earliest, the Interior Ministry said.", [])],
    ])

# ---------------------------------------------------------------- D1
doc("europe_digest_may2025", "2025-05-21", "news digest",
    "Europe briefing, 9-20 May: Fico and Vucic with Putin on Victory Day, Hungary-Ukraine spy expulsions, Merz in Kyiv, Poland shuts the Russian consulate in Krakow, the Trump-Putin call, the 17th EU package, the Danish model, Pope Leo XIV and Zelensky, the Czech ammunition initiative",
    [
        [("Europe briefing: Fico on Red Square, a ceasefire demand in Kyiv, a consulate shut in Krakow", [])],
        [("MOSCOW - Slovak Prime Minister Robert Fico, the only leader of a European Union state at the Victory Day parade on May 9, held talks with Vladimir Putin in the Kremlin and said Slovakia would not block the bloc's sanctions on Russia but would keep buying Russian gas.",
          [T("Robert Fico", "MEET", "Vladimir Putin"), T("Robert Fico", "MEET", "Russia"),
           T("Slovakia", "REJECT", "European Union", "n"), T("European Union", "SANCTION", "Russia"),
           T("Slovakia", "COOPERATE", "Russia", "h")])],
        [("MOSCOW - Serbian President Aleksandar Vucic, who flew in despite objections from the European Union, also met Putin on the sidelines of the parade.",
          [T("Aleksandar Vucic", "MEET", "Vladimir Putin"), T("European Union", "CRITICIZE", "Aleksandar Vucic")])],
        [("BUDAPEST - Hungary expelled two Ukrainian diplomats it accused of spying, hours after Ukraine's SBU security service accused Budapest of running a military spy network in the Zakarpattia region, and Kyiv answered by expelling two Hungarian diplomats.",
          [T("Hungary", "SANCTION", "Ukraine"), T("Hungary", "CRITICIZE", "Ukraine"), T("Ukraine", "CRITICIZE", "Hungary"),
           T("Ukraine", "SANCTION", "Hungary")])],
        [("KYIV - Friedrich Merz, on his first trip to Kyiv as chancellor on May 10, joined Volodymyr Zelensky in calling on Russia to accept an unconditional 30-day ceasefire, a demand the Kremlin rejected two days later.",
          [T("Friedrich Merz", "MEET", "Ukraine"), T("Friedrich Merz", "MEET", "Volodymyr Zelensky"),
           T("Friedrich Merz", "REQUEST", "Russia"), T("Volodymyr Zelensky", "REQUEST", "Russia"),
           T("Russia", "REJECT", "Friedrich Merz"), T("Russia", "REJECT", "Volodymyr Zelensky")])],
        [("WARSAW - Poland ordered the closure of Russia's consulate in Krakow on May 12, accusing Russian intelligence of ordering the arson attack that destroyed a Warsaw shopping centre last year, and Moscow promised a 'painful' response.",
          [T("Poland", "SANCTION", "Russia"), T("Poland", "CRITICIZE", "Russia"), T("Russia", "THREATEN", "Poland")])],
        [("WASHINGTON - Donald Trump spoke with Vladimir Putin by phone for two hours on May 19 and then called Volodymyr Zelensky, saying afterwards that Russia and Ukraine would 'immediately start negotiations' toward a ceasefire.",
          [T("Donald Trump", "MEET", "Vladimir Putin"), T("Donald Trump", "MEET", "Volodymyr Zelensky"),
           T("Russia", "MEET", "Ukraine", "h")])],
        [("BRUSSELS - The European Union adopted its 17th package of sanctions against Russia on May 20, listing nearly 200 more shadow-fleet tankers, and Britain announced parallel measures against Moscow the same day.",
          [T("European Union", "SANCTION", "Russia"), T("United Kingdom", "SANCTION", "Russia")])],
        [("COPENHAGEN - Denmark said it would pay Ukrainian arms makers another 1.2 billion kroner to build artillery and drones for Ukraine's army under the so-called Danish model, financed in part by windfall profits from frozen Russian assets.",
          [T("Denmark", "SUPPLY_ARMS", "Ukraine", "h", accept=["AID"])])],
        [("VATICAN CITY - Pope Leo XIV received Volodymyr Zelensky after his inauguration Mass on May 18 and offered the Vatican as a venue for direct talks between Russia and Ukraine.",
          [T("Pope Leo XIV", "MEET", "Volodymyr Zelensky"), T("Russia", "MEET", "Ukraine", "h")])],
        [("PRAGUE - The Czech government said its ammunition initiative had delivered about 700,000 large-calibre shells to Ukraine so far this year, though opposition leader Andrej Babis has promised to scrap the scheme if he wins October's election.",
          [T("Czech Republic", "SUPPLY_ARMS", "Ukraine", "h")])],
    ])

# ---------------------------------------------------------------- D2
doc("americas_digest_dec2025", "2025-12-12", "news digest",
    "Americas briefing, early December: the US-Mexico water deal after Trump's tariff threat, the tanker seized off Venezuela and reactions from Caracas, Havana and Moscow, US planes in the Dominican Republic, Paraguay's status-of-forces agreement, the Lula-Trump call, Petro and intelligence sharing, the US-Argentina framework, Brazilian soy for China, Russian ships in Nicaragua",
    [
        [("Americas briefing: water for tariffs, a seized tanker, U.S. planes in Santo Domingo", [])],
        [("MEXICO CITY - Mexico and the United States reached an agreement on Thursday under which Mexico will deliver 202 million cubic metres of water by the end of January under a 1944 treaty, days after Donald Trump threatened a 5 percent tariff on Mexican goods over the shortfall.",
          [T("Mexico", "AGREE", "United States"), T("Donald Trump", "THREATEN", "Mexico")])],
        [("CARACAS - Nicolas Maduro accused Washington of 'naked piracy' after U.S. forces seized an oil tanker carrying Venezuelan crude off the coast on Wednesday, the first such seizure since the American naval build-up in the Caribbean began in August.",
          [T("Nicolas Maduro", "CRITICIZE", "United States"), T("United States", "SANCTION", "Venezuela", accept=["ATTACK"])])],
        [("HAVANA - Cuba's Foreign Ministry condemned the U.S. seizure as 'an act of state piracy and terrorism' and said Havana stood with Venezuela.",
          [T("Cuba", "CRITICIZE", "United States"), T("Cuba", "SUPPORT", "Venezuela")])],
        [("MOSCOW - Russia's Foreign Ministry said it supported Venezuela's 'legitimate government' and called the U.S. military deployment in the Caribbean 'excessive force' that endangered the whole region.",
          [T("Russia", "SUPPORT", "Venezuela"), T("Russia", "CRITICIZE", "United States")])],
        [("SANTO DOMINGO - U.S. aircraft began flying counter-narcotics missions from the San Isidro air base this week under an agreement that Pete Hegseth reached with President Luis Abinader during a visit last month, the Dominican Defence Ministry said.",
          [T("United States", "COOPERATE", "Dominican Republic", "h"), T("Pete Hegseth", "AGREE", "Luis Abinader", "h"),
           T("Pete Hegseth", "MEET", "Luis Abinader", "h")])],
        [("ASUNCION - Paraguay's foreign minister, Ruben Ramirez Lezcano, signed a status-of-forces agreement with the United States in Washington on Monday that will allow U.S. troops to train in Paraguay, a move criticised by opposition senators.",
          [T("Ruben Ramirez Lezcano", "AGREE", "United States"), T("Ruben Ramirez Lezcano", "MEET", "United States"),
           T("United States", "COOPERATE", "Paraguay", "h", accept=["DEPLOY_TO"])])],
        [("BRASILIA - Luiz Inacio Lula da Silva said he had urged Donald Trump in a 40-minute phone call to seek a negotiated solution in Venezuela, and the two leaders agreed to keep talking about tariffs.",
          [T("Luiz Inacio Lula da Silva", "MEET", "Donald Trump"), T("Luiz Inacio Lula da Silva", "REQUEST", "Donald Trump", "h"),
           T("Luiz Inacio Lula da Silva", "AGREE", "Donald Trump")])],
        [("BOGOTA - Gustavo Petro said Colombia would not resume intelligence sharing with the United States while U.S. strikes on boats in the Caribbean continued.",
          [T("Colombia", "COOPERATE", "United States", "n")])],
        [("BUENOS AIRES - Argentina and the United States published the text of a reciprocal trade framework under which Buenos Aires will open its market to American machinery, medicines and farm goods in exchange for lower U.S. tariffs on its exports.",
          [T("Argentina", "AGREE", "United States"), T("Argentina", "COOPERATE", "United States", "h")])],
        [("BEIJING - China bought a record 10 million tonnes of Brazilian soybeans in November, Chinese customs data showed.",
          [T("China", "COOPERATE", "Brazil", "h")])],
        [("MANAGUA - Nicaragua's government said it had authorised Russian navy ships to call at its ports in the first half of 2026 for joint exercises and humanitarian missions.",
          [T("Nicaragua", "COOPERATE", "Russia", "h")])],
    ])

# ---------------------------------------------------------------- D3
doc("gulf_china_digest_nov2025", "2025-11-21", "news digest",
    "Gulf and China briefing: Carney in Abu Dhabi, Felipe VI's state visit to China, Qatar's LNG warning to the EU, EU-UAE trade talks, Zelensky on Chinese parts for Russia, Belarus-China drill, Ding Xuexiang and Lula at COP30, China on Venezuela, Saudi money for Uzbekistan, Wadephul's Beijing trip, UK-GCC trade deal",
    [
        [("Gulf and China briefing: Carney in Abu Dhabi, a king in Beijing, a gas warning from Doha", [])],
        [("ABU DHABI - The United Arab Emirates pledged to invest up to 70 billion Canadian dollars in Canada during a visit by Prime Minister Mark Carney on Thursday, and the two governments agreed to start talks on a trade agreement.",
          [T("United Arab Emirates", "COOPERATE", "Canada", "h"), T("Mark Carney", "MEET", "United Arab Emirates"),
           T("United Arab Emirates", "AGREE", "Canada"), T("Canada", "MEET", "United Arab Emirates", "h")])],
        [("BEIJING - Xi Jinping received King Felipe VI of Spain at the Great Hall of the People last week, on the first state visit to China by a Spanish monarch in 18 years, and the two sides signed agreements on trade and science.",
          [T("Xi Jinping", "MEET", "Felipe VI"), T("Felipe VI", "MEET", "China"), T("China", "AGREE", "Spain")])],
        [("DOHA - Qatar's energy minister, Saad al-Kaabi, warned the European Union again that his country could halt liquefied natural gas shipments to Europe if the bloc did not water down its corporate due-diligence law.",
          [T("Saad al-Kaabi", "THREATEN", "European Union")])],
        [("BRUSSELS - The European Union and the United Arab Emirates held a fourth round of talks on a free trade agreement this week, and officials on both sides said a deal could be concluded in 2026.",
          [T("European Union", "MEET", "United Arab Emirates"), T("European Union", "AGREE", "United Arab Emirates", "h")])],
        [("KYIV - Volodymyr Zelensky accused China of supplying machine tools and drone components to Russia's arms industry and said Kyiv would ask Beijing through diplomatic channels to stop the flow.",
          [T("Volodymyr Zelensky", "CRITICIZE", "China"), T("China", "SUPPLY_ARMS", "Russia", "h", accept=["AID"]),
           T("Ukraine", "REQUEST", "China", "h")])],
        [("MINSK - Belarus and China will hold a joint counter-terrorism exercise near Brest next year, the Belarusian Defence Ministry said after talks between the two countries' defence ministers.",
          [T("Belarus", "COOPERATE", "China", "h"), T("Belarus", "MEET", "China")])],
        [("BELEM, Brazil - Chinese Vice Premier Ding Xuexiang met Luiz Inacio Lula da Silva on the sidelines of the COP30 climate conference and praised Brazil's leadership of the talks.",
          [T("Ding Xuexiang", "MEET", "Luiz Inacio Lula da Silva"), T("Ding Xuexiang", "SUPPORT", "Brazil")])],
        [("BEIJING - China's Foreign Ministry criticised the U.S. military deployment near Venezuela as a threat to regional peace and said Beijing supported Caracas in defending its sovereignty.",
          [T("China", "CRITICIZE", "United States"), T("United States", "MOBILIZE", "Venezuela"), T("China", "SUPPORT", "Venezuela")])],
        [("TASHKENT - Uzbek President Shavkat Mirziyoyev received Saudi Investment Minister Khalid al-Falih, who said Riyadh planned to invest a further 5 billion dollars in Uzbek energy projects.",
          [T("Shavkat Mirziyoyev", "MEET", "Khalid al-Falih"), T("Saudi Arabia", "COOPERATE", "Uzbekistan", "h")])],
        [("BERLIN - German Foreign Minister Johann Wadephul said he would travel to Beijing early next month for talks on rare earths and trade.",
          [T("Johann Wadephul", "MEET", "China", "h")])],
        [("LONDON - Britain and the Gulf Cooperation Council said their negotiators had closed most chapters of a free trade agreement, which ministers hope to sign early next year.",
          [T("United Kingdom", "MEET", "Gulf Cooperation Council", "h"), T("United Kingdom", "AGREE", "Gulf Cooperation Council", "h")])],
    ])


def main():
    meta = []
    with open(os.path.join(BASE, "dev37.gold.jsonl"), "w", encoding="utf-8") as g:
        for d in DOCS:
            lines = []
            n = 0
            for para in d["paras"]:
                lines.append(" ".join(s for s, _ in para))
                for s, trs in para:
                    n += 1
                    rec = {"id": f"{d['stem']}-s{n:02d}", "doc": d["stem"] + ".txt", "text": s, "triples": trs}
                    g.write(json.dumps(rec, ensure_ascii=False) + "\n")
            with open(os.path.join(BASE, "articles", d["stem"] + ".txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
            meta.append({k: d[k] for k in ("stem", "date", "style", "topic")})
    json.dump(meta, open(os.path.join(BASE, "_scratch", "meta.json"), "w"), indent=1)


main()
