"""Generated news articles for the ingest benchmark: a general news mix and the background around aid reports.

Everything here is written for the benchmark (no sentence comes from any
outlet): sentence templates per topic, in English and French, filled with
drawn names, places, figures and days, so that no two articles are alike.
Topics are those of a general news desk (politics, business, sport, weather,
science, culture, courts, health, technology, the war), and several carry
what makes triage hard: business and sport stories full of money ("a
€45 million transfer", "a support package for farmers"), war stories full of
countries and weapons, politics full of ministers and quotes.

:func:`background` gives paragraphs of the same kind to put around an aid
report, as the body of a real article puts context around its news.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

COUNTRIES = {
    "en": ["Germany", "France", "Poland", "Italy", "Spain", "Japan", "Canada", "Brazil", "India", "Kenya", "Norway",
           "Turkey", "Mexico", "Egypt", "Sweden", "Portugal", "Chile", "Vietnam", "Ghana", "Austria"],
    "fr": ["l'Allemagne", "la Pologne", "l'Italie", "l'Espagne", "le Japon", "le Canada", "le Brésil", "l'Inde",
           "le Kenya", "la Norvège", "la Turquie", "le Mexique", "l'Égypte", "la Suède", "le Portugal", "le Chili",
           "le Vietnam", "le Ghana", "l'Autriche", "la Belgique"],
}
CITIES = {
    "en": ["Leeds", "Lyon", "Porto", "Osaka", "Denver", "Gdansk", "Turin", "Valencia", "Calgary", "Mombasa",
           "Bergen", "Izmir", "Monterrey", "Malmo", "Graz"],
    "fr": ["Rennes", "Lille", "Grenoble", "Nantes", "Dijon", "Limoges", "Metz", "Brest", "Tours", "Nancy",
           "Annecy", "Pau", "Angers", "Reims", "Caen"],
}
FIRST = {
    "en": ["Sarah", "Michael", "Priya", "Tom", "Hannah", "David", "Aisha", "Lukas", "Emma", "Daniel", "Grace", "Omar"],
    "fr": ["Claire", "Julien", "Nadia", "Thomas", "Camille", "Hugo", "Léa", "Karim", "Sophie", "Antoine", "Inès",
           "Mathieu"],
}
LAST = {
    "en": ["Whitfield", "Okafor", "Lindqvist", "Moreno", "Haddad", "Brennan", "Kowalczyk", "Tanaka", "Fairbairn",
           "Osei", "Marchetti", "Delaney"],
    "fr": ["Fontaine", "Mercier", "Benali", "Rousseau", "Lefebvre", "Garnier", "Morel", "Chevalier", "Perrin",
           "Lambert", "Bouvier", "Renaud"],
}
COMPANIES = {
    "en": ["Northwind Logistics", "Brightpath Energy", "Copperfield Foods", "Altamira Motors", "Kestrel Systems",
           "Bluewater Retail", "Halden Pharma", "Solvane Chemicals"],
    "fr": ["Groupe Vernier", "Alizé Énergie", "Maison Dufresne", "Transports Morvan", "Celtis Pharma",
           "Ardoise Télécom", "Boulangeries Lemaire", "Solenne Automobile"],
}
TEAMS = {
    "en": ["Riverside United", "Northgate City", "Ashford Rovers", "Kingsport Athletic", "Millbrook Town"],
    "fr": ["l'Olympique de Brest", "le Stade de Tours", "l'AS Limoges", "le FC Annecy", "le Racing de Metz"],
}
DAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
}
ROLES = {
    "en": ["the interior minister", "the mayor", "the company's chief executive", "the coach", "a spokesperson for "
           "the regional council", "the lead researcher", "the health minister", "the union leader"],
    "fr": ["le ministre de l'Intérieur", "la maire", "le directeur général du groupe", "l'entraîneur",
           "une porte-parole du conseil régional", "la chercheuse principale", "le ministre de la Santé",
           "la secrétaire générale du syndicat"],
}

#: Sentence templates per topic; slots: {country} {city} {person} {role} {company} {team} {day} {n} {m} {pct}.
TOPICS: dict[str, dict[str, Sequence[str]]] = {
    "politics": {
        "en": [
            "The finance minister defended the budget in a televised interview on {day} night.",
            "Lawmakers from three parties signed a letter calling for an inquiry into the procurement contracts.",
            "Regional leaders will meet in {city} next week to discuss the transport strategy.",
            "{person} resigned from the cabinet after a row over the housing bill.",
            "The senate rejected the amendment by {n} votes, a setback for the governing coalition.",
            "Opposition parties plan a joint rally in {city} at the weekend.",
            "The ministry of {country} summoned the ambassador over remarks made at the summit.",
            "The coalition government of {country} faced a confidence vote on {day} after weeks of disputes over "
            "pension reform.",
            "{person}, the opposition leader, accused ministers of ignoring the concerns of rural voters.",
            "Parliament is expected to debate the bill again next month, when several amendments will be tabled.",
            "Turnout in the regional elections reached {pct} percent, the highest in two decades.",
            "\\'We will not accept a reform written behind closed doors,\\' {person} told reporters in {city}.",
            "Polls suggest the governing party has lost ground among younger voters since the spring.",
            "The prime minister met the leaders of {country} and {country} at a summit focused on trade and "
            "migration.",
            "Critics say the new electoral map favours the larger cities at the expense of the countryside.",
            "{role} said the talks had been constructive but that important differences remained.",
            "The president is due to address the nation on {day} evening.",
        ],
        "fr": [
            "Le ministre des Finances a défendu le budget lors d'un entretien télévisé {day} soir.",
            "Des députés de trois groupes ont signé une lettre réclamant une enquête sur les marchés publics.",
            "Les présidents de région se réuniront à {city} la semaine prochaine pour parler des transports.",
            "{person} a quitté le gouvernement après un désaccord sur la loi logement.",
            "Le Sénat a rejeté l'amendement à {n} voix près, un revers pour la majorité.",
            "Les partis d'opposition prévoient un rassemblement commun à {city} ce week-end.",
            "Le ministère a convoqué l'ambassadeur de {country} après des propos tenus lors du sommet.",
            "Le gouvernement de coalition a affronté {day} un vote de confiance après des semaines de querelles sur "
            "la réforme des retraites.",
            "{person}, chef de l'opposition, a accusé les ministres d'ignorer les inquiétudes des électeurs ruraux.",
            "Le Parlement doit de nouveau examiner le texte le mois prochain, avec plusieurs amendements.",
            "La participation aux élections régionales a atteint {pct} %, un record depuis vingt ans.",
            "« Nous n'accepterons pas une réforme écrite à huis clos », a lancé {person} devant la presse à {city}.",
            "Selon les sondages, le parti au pouvoir a reculé chez les jeunes électeurs depuis le printemps.",
            "Le Premier ministre a reçu les dirigeants de {country} et de {country} lors d'un sommet consacré au "
            "commerce et aux migrations.",
            "Les critiques estiment que le nouveau découpage électoral avantage les grandes villes.",
            "Selon {role}, les discussions ont été constructives mais des divergences importantes subsistent.",
            "Le président doit s'adresser à la nation {day} soir.",
        ],
    },
    "business": {
        "en": [
            "The airline carried {n} million passengers last year, close to its record.",
            "{company} plans to hire {n} hundred engineers at its research centre in {city}.",
            "Oil prices fell for a second day as stockpiles rose more than expected.",
            "The merger still needs the approval of competition authorities in {country}.",
            "House prices in {city} rose {pct} percent over the year, the slowest pace since 2019.",
            "The bank set aside ${m} million to cover bad loans, reflecting a weaker economy.",
            "Car sales dropped {pct} percent in the first quarter, the industry association said.",
            "{company}'s new chief executive promised to cut costs and sell non-core businesses.",
            "Analysts expect the central bank to raise rates again before the summer.",
            "{company} reported a quarterly profit of ${m} million, beating analysts' forecasts.",
            "Shares in {company} rose {pct} percent in early trading on {day}.",
            "The group announced a €{m} million plan to modernise its plants in {city} and cut energy costs.",
            "{company} agreed to buy a smaller rival for $1.{n} billion in cash and shares.",
            "The central bank kept its main interest rate unchanged at {pct} percent.",
            "Inflation slowed for a third month running, according to figures published on {day}.",
            "\"Demand remains solid, but our customers are more cautious,\" said {person}, the firm's finance "
            "director.",
            "The government unveiled a support package for farmers hit by high fertiliser prices.",
            "Unions at {company} called a strike over wages, the first in a decade.",
            "The retailer will close {n} stores and move more of its sales online.",
            "Exports to {country} rose sharply, helped by a weaker currency.",
        ],
        "fr": [
            "La compagnie aérienne a transporté {n} millions de passagers l'an dernier, près de son record.",
            "{company} prévoit d'embaucher {n} centaines d'ingénieurs dans son centre de recherche de {city}.",
            "Les cours du pétrole ont reculé pour la deuxième séance, les stocks ayant augmenté plus que prévu.",
            "La fusion doit encore être approuvée par les autorités de la concurrence de {country}.",
            "Les prix de l'immobilier à {city} ont progressé de {pct} % sur un an, leur plus faible hausse depuis 2019.",
            "La banque a provisionné {m} millions d'euros pour couvrir des créances douteuses.",
            "Les ventes de voitures ont baissé de {pct} % au premier trimestre, selon la fédération du secteur.",
            "Le nouveau directeur général de {company} promet de réduire les coûts et de céder des activités.",
            "Les analystes s'attendent à une nouvelle hausse des taux avant l'été.",
            "{company} a publié un bénéfice trimestriel de {m} millions d'euros, supérieur aux attentes.",
            "L'action {company} a gagné {pct} % en début de séance {day}.",
            "Le groupe a annoncé un plan de {m} millions d'euros pour moderniser ses usines de {city}.",
            "{company} va racheter un concurrent pour 1,{n} milliard d'euros en numéraire et en actions.",
            "La banque centrale a maintenu son principal taux directeur à {pct} %.",
            "L'inflation a ralenti pour le troisième mois consécutif, selon les chiffres publiés {day}.",
            "« La demande reste solide, mais nos clients sont plus prudents », a déclaré {person}, directrice "
            "financière du groupe.",
            "Le gouvernement a présenté un plan de soutien aux agriculteurs touchés par la hausse des engrais.",
            "Les syndicats de {company} ont appelé à la grève sur les salaires, une première depuis dix ans.",
            "L'enseigne va fermer {n} magasins et développer ses ventes en ligne.",
            "Les exportations vers {country} ont fortement progressé, portées par une monnaie plus faible.",
        ],
    },
    "sport": {
        "en": [
            "The marathon in {city} drew more than {n} thousand runners despite the cold.",
            "{person} won the women's singles title after a three-set final.",
            "The cycling team announced its line-up for the spring classics.",
            "Fans queued for hours outside the stadium to buy tickets for the derby.",
            "The federation opened an investigation into crowd trouble at the weekend.",
            "{team} beat {team} 3-1 on {day}, with two goals in the last ten minutes.",
            "The club confirmed the signing of a young striker for a fee reported at €{m} million.",
            "{person} said after the match that the team had shown great character.",
            "The final will be played in {city} in front of a sold-out stadium.",
            "\\'We knew it would be hard, but the players never gave up,\\' {role} said.",
            "The injury rules the captain out for at least six weeks.",
            "Ticket prices for the new season will rise by {pct} percent, the club said.",
            "The league is considering a salary cap after several clubs reported heavy losses.",
        ],
        "fr": [
            "Le marathon de {city} a réuni plus de {n} mille coureurs malgré le froid.",
            "{person} a remporté le tournoi en simple après une finale en trois sets.",
            "L'équipe cycliste a dévoilé sa sélection pour les classiques du printemps.",
            "Les supporters ont fait la queue des heures devant le stade pour le derby.",
            "La fédération a ouvert une enquête après des incidents en tribune ce week-end.",
            "{team} s'est imposé 3-1 {day} face à {team}, avec deux buts dans les dix dernières minutes.",
            "Le club a confirmé l'arrivée d'un jeune attaquant pour un transfert estimé à {m} millions d'euros.",
            "{person} a salué après le match le caractère de son équipe.",
            "La finale se jouera à {city} devant un stade comble.",
            "« On savait que ce serait difficile, mais les joueurs n'ont rien lâché », a confié {role}.",
            "Sa blessure prive le capitaine de terrain pendant au moins six semaines.",
            "Le prix des abonnements augmentera de {pct} % la saison prochaine, a indiqué le club.",
            "La ligue envisage un plafond salarial après les lourdes pertes de plusieurs clubs.",
        ],
    },
    "weather": {
        "en": [
            "Forecasters issued a storm warning for the coast around {city} on {day}.",
            "Temperatures are expected to reach {n} degrees by the weekend.",
            "Heavy rain flooded several roads overnight and delayed trains across the region.",
            "The dry spring has left reservoirs at their lowest level in years.",
            "Residents were advised to stay indoors during the worst of the wind.",
            "{role} said emergency crews had cleared most of the fallen trees.",
        ],
        "fr": [
            "Les prévisionnistes ont émis {day} une alerte aux tempêtes sur le littoral autour de {city}.",
            "Les températures devraient atteindre {n} degrés d'ici le week-end.",
            "De fortes pluies ont inondé plusieurs routes pendant la nuit et retardé les trains de la région.",
            "Le printemps sec a laissé les réservoirs à leur plus bas niveau depuis des années.",
            "Il a été conseillé aux habitants de rester chez eux au plus fort des rafales.",
            "Selon {role}, les secours ont dégagé la plupart des arbres tombés.",
        ],
    },
    "science": {
        "en": [
            "Researchers in {city} have identified a protein that may slow the progress of the disease.",
            "The study, published on {day}, followed {n} hundred patients over five years.",
            "\\'These results are encouraging, but they need to be confirmed,\\' said {person}.",
            "The space agency postponed the launch of its weather satellite because of a technical fault.",
            "Astronomers observed a comet that will pass close to Earth next spring.",
            "The team plans to share its data with laboratories in {country} and {country}.",
        ],
        "fr": [
            "Des chercheurs de {city} ont identifié une protéine qui pourrait ralentir la maladie.",
            "L'étude, publiée {day}, a suivi {n} centaines de patients pendant cinq ans.",
            "« Ces résultats sont encourageants, mais ils doivent être confirmés », a souligné {person}.",
            "L'agence spatiale a reporté le lancement de son satellite météo en raison d'une panne.",
            "Des astronomes ont observé une comète qui passera près de la Terre au printemps prochain.",
            "L'équipe compte partager ses données avec des laboratoires en {country} et en {country}.",
        ],
    },
    "culture": {
        "en": [
            "The festival in {city} opened on {day} with a new production of a classic opera.",
            "{person}'s latest novel has sold more than {n} thousand copies in its first month.",
            "The museum will reopen in the autumn after two years of renovation.",
            "Critics praised the film's photography but found its story thin.",
            "\\'I wanted to write about the town where I grew up,\\' the author said.",
            "The orchestra announced a tour of {country} next year.",
        ],
        "fr": [
            "Le festival de {city} s'est ouvert {day} avec une nouvelle mise en scène d'un opéra classique.",
            "Le dernier roman de {person} s'est vendu à plus de {n} mille exemplaires en un mois.",
            "Le musée rouvrira à l'automne après deux ans de travaux.",
            "La critique a salué la photographie du film mais jugé son scénario mince.",
            "« Je voulais écrire sur la ville où j'ai grandi », a expliqué l'autrice.",
            "L'orchestre a annoncé une tournée en {country} l'an prochain.",
        ],
    },
    "courts": {
        "en": [
            "A court in {city} sentenced a former official to four years in prison for fraud.",
            "The trial of {person} resumed on {day} with evidence from two accountants.",
            "Prosecutors said the scheme had cost taxpayers about ${m} million.",
            "The defence plans to appeal the verdict, {role} said.",
            "Police arrested {n} people after a series of burglaries in the city centre.",
        ],
        "fr": [
            "Le tribunal de {city} a condamné un ancien élu à quatre ans de prison pour fraude.",
            "Le procès de {person} a repris {day} avec l'audition de deux comptables.",
            "Selon le parquet, le montage aurait coûté environ {m} millions d'euros aux contribuables.",
            "La défense compte faire appel du jugement, a indiqué {role}.",
            "La police a interpellé {n} personnes après une série de cambriolages en centre-ville.",
        ],
    },
    "health": {
        "en": [
            "Hospitals in {city} reported a rise in flu cases for the fourth week in a row.",
            "{role} urged older people to get vaccinated before the winter.",
            "Waiting times for routine surgery have fallen by {pct} percent since January.",
            "The ministry will recruit {n} hundred nurses over the next two years.",
            "\\'Prevention is far cheaper than treatment,\\' said {person}.",
        ],
        "fr": [
            "Les hôpitaux de {city} signalent une hausse des cas de grippe pour la quatrième semaine.",
            "{role} a appelé les personnes âgées à se faire vacciner avant l'hiver.",
            "Les délais d'attente pour les opérations courantes ont reculé de {pct} % depuis janvier.",
            "Le ministère recrutera {n} centaines d'infirmiers au cours des deux prochaines années.",
            "« La prévention coûte bien moins cher que les soins », a rappelé {person}.",
        ],
    },
    "technology": {
        "en": [
            "{company} unveiled a new chip that it says uses half the power of its predecessor.",
            "Regulators in {country} opened an inquiry into how the app collects personal data.",
            "The outage left millions of users without access to their accounts for several hours.",
            "\\'Security has to be built in from the start,\\' {person} said at a conference in {city}.",
            "The start-up raised $ {m} million from investors to expand into {country}.",
        ],
        "fr": [
            "{company} a dévoilé une nouvelle puce qui consommerait deux fois moins que la précédente.",
            "Le régulateur a ouvert une enquête sur la collecte de données personnelles par l'application.",
            "La panne a privé des millions d'utilisateurs de leur compte pendant plusieurs heures.",
            "« La sécurité doit être pensée dès le départ », a déclaré {person} lors d'une conférence à {city}.",
            "La jeune pousse a levé {m} millions d'euros pour s'étendre en {country}.",
        ],
    },
    "war": {
        "en": [
            "Prisoner exchanges have resumed after a pause of several months.",
            "Satellite images showed new trenches dug along the river.",
            "Villagers near the border described nights spent in basements.",
            "The army said it had shot down {n} drones over the southern regions.",
            "Rail links to the eastern city were restored after repairs.",
            "Humanitarian workers said convoys had been unable to reach the town for a week.",
            "Russian forces shelled the outskirts of Kharkiv overnight, regional officials said.",
            "Ukrainian troops said they had repelled several attacks near the eastern front.",
            "Air raid sirens sounded across the country on {day} as drones approached the capital.",
            "The governor said {n} people had been injured when a missile hit an apartment building.",
            "Both sides have suffered heavy losses in the fighting around the town.",
            "\\'The situation on the front line remains difficult,\\' {role} said.",
            "Engineers worked through the night to restore power to {n} thousand homes.",
            "Military analysts expect the fighting to intensify before the winter.",
        ],
        "fr": [
            "Les échanges de prisonniers ont repris après une pause de plusieurs mois.",
            "Des images satellites montrent de nouvelles tranchées le long du fleuve.",
            "Des villageois près de la frontière racontent des nuits passées dans les caves.",
            "L'armée affirme avoir abattu {n} drones au-dessus des régions du sud.",
            "La liaison ferroviaire vers la ville de l'est a été rétablie après des réparations.",
            "Selon des travailleurs humanitaires, les convois n'ont pas pu atteindre la ville depuis une semaine.",
            "Les forces russes ont bombardé la périphérie de Kharkiv pendant la nuit, selon les autorités "
            "régionales.",
            "Les troupes ukrainiennes affirment avoir repoussé plusieurs assauts près du front est.",
            "Les sirènes ont retenti {day} dans tout le pays à l'approche de drones sur la capitale.",
            "Selon le gouverneur, {n} personnes ont été blessées par un missile tombé sur un immeuble.",
            "Les deux camps ont subi de lourdes pertes dans les combats autour de la ville.",
            "« La situation sur la ligne de front reste difficile », a déclaré {role}.",
            "Des techniciens ont travaillé toute la nuit pour rétablir le courant dans {n} mille foyers.",
            "Les analystes militaires s'attendent à une intensification des combats avant l'hiver.",
        ],
    },
}
LANGS = ("en", "fr")


def _fill(template: str, lang: str, rng: random.Random) -> str:
    def person() -> str:
        return f"{rng.choice(FIRST[lang])} {rng.choice(LAST[lang])}"

    values = {
        "country": lambda: rng.choice(COUNTRIES[lang]),
        "city": lambda: rng.choice(CITIES[lang]),
        "person": person,
        "role": lambda: rng.choice(ROLES[lang]),
        "company": lambda: rng.choice(COMPANIES[lang]),
        "team": lambda: rng.choice(TEAMS[lang]),
        "day": lambda: rng.choice(DAYS[lang]),
        "n": lambda: str(rng.randint(2, 9)),
        "m": lambda: str(rng.randint(12, 480)),
        "pct": lambda: str(rng.randint(2, 64)),
    }
    out = template
    while "{" in out:
        start = out.index("{")
        end = out.index("}", start)
        out = out[:start] + values[out[start + 1 : end]]() + out[end + 1 :]
    return out[:1].upper() + out[1:]


def paragraph(topic: str, lang: str, rng: random.Random, sentences: int = 3) -> str:
    """A paragraph of ``sentences`` sentences on one topic."""
    templates = TOPICS[topic][lang]
    return " ".join(_fill(t, lang, rng) for t in rng.sample(templates, min(sentences, len(templates))))


def article(topic: str, lang: str, rng: random.Random, paragraphs: int = 6) -> str:
    """A general news article: a headline-like first line, then paragraphs of three sentences on its topic
    (each template used once, as far as the topic has them), and one paragraph on another topic."""
    templates = rng.sample(TOPICS[topic][lang], len(TOPICS[topic][lang]))
    other = rng.choice([t for t in TOPICS if t != topic])
    body = []
    for i in range(paragraphs):
        if i == paragraphs - 2:
            body.append(paragraph(other, lang, rng))
            continue
        picked, templates = templates[:3] or rng.sample(TOPICS[topic][lang], 3), templates[3:]
        body.append(" ".join(_fill(t, lang, rng) for t in picked))
    headline = _fill(rng.choice(TOPICS[topic][lang]), lang, rng).rstrip(".")
    return "\n\n".join([headline, *body])


def background(lang: str, rng: random.Random, paragraphs: int) -> list[str]:
    """Paragraphs of context to put around an aid report: the war, politics, the economy."""
    return [paragraph(rng.choice(("war", "war", "politics", "business")), lang, rng) for _ in range(paragraphs)]


def general_articles(n: int, rng: random.Random, langs: Sequence[str] = LANGS) -> list[tuple[str, str]]:
    """``n`` (lang, text) general news articles, topics and languages in turn."""
    topics = list(TOPICS)
    return [
        (langs[i % len(langs)], article(topics[i % len(topics)], langs[i % len(langs)], rng, rng.randint(7, 10)))
        for i in range(n)
    ]
