"""French quoting constructions of press copy that earlier written probes had missed, found with a new set of
written passages (kept outside the repository): each test names the behaviour, with sentences written for it."""

from __future__ import annotations

import pytest

from aidledger.nlp.pipeline import get_nlp


def quotes(nlps, lang: str, text: str) -> list[tuple[str | None, str]]:
    """(speaker, quote) pairs: by the trained model of the fixture, else by aidledger's pipeline of the language."""
    nlp = nlps[lang] if lang in nlps else get_nlp(lang)
    return [(q.speaker, q.quote) for q in nlp(text)._.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le chef de la Défense allemande, Lukas Beispiel, a annoncé mardi une aide. Devant les députés du Bundestag, il a déclaré : « L'Ukraine doit pouvoir se défendre cet hiver. »", ['Lukas Beispiel']),
        ('La ministre Claire Exemple était à Bruxelles. Au Parlement européen, elle a affirmé : « Nous tiendrons nos promesses envers Kiev. »', ['Claire Exemple']),
        ('Le ministre Paul Spécimen était au Caire. Lors de sa rencontre avec le président égyptien, il a assuré : « La France reste mobilisée pour Gaza. »', ['Paul Spécimen']),
        ("La commissaire Anna Modèle s'est rendue au Tchad. Face aux journalistes de la Commission, elle a lancé : « Nous ne lâcherons pas les réfugiés soudanais. »", ['Anna Modèle']),
    ],
)
def test_a_phrase_behind_a_preposition_is_no_topic_for_the_pronoun_after_it(nlps, text: str, expected: list[str]) -> None:
    """A fronted circumstance ("Devant les députés du Bundestag, il a déclaré") is no dislocated topic: the pronoun
    stands for the person speaking, not the institution in the circumstance."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("La commissaire européenne aux Partenariats internationaux, Hélène Témoin, juge « indispensable de maintenir l'effort humanitaire au Soudan ».", ['Hélène Témoin']),
        ("Le directeur de l'ONG, Marc Modèle, juge « inacceptable que les convois restent bloqués à la frontière ».", ['Marc Modèle']),
        ('La ministre Claire Exemple, elle, juge « prématuré de parler de reconstruction à Gaza ».', ['Claire Exemple']),
    ],
)
def test_a_present_tense_verb_right_before_a_partial_quotation_reports_it(nlps, text: str, expected: list[str]) -> None:
    """"X, juge « … »": a present-tense verb the tagger reads as a noun is a verb where a quotation follows it and no
    determiner precedes it."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministre polonais des Affaires étrangères, Tomasz Przykładowski, était à Paris. « Nous devons aussi préparer la reconstruction », a ajouté le chef de la diplomatie polonaise, avant que Marc Modèle ne conclue : « L'Europe ne se divisera pas. »", ['Tomasz Przykładowski', 'Marc Modèle']),
        ('La ministre belge Sophie Exemple a reçu son homologue. « Il faut davantage de munitions », a insisté la ministre, tandis que Jan Modèle appelait à la prudence.', ['Sophie Exemple']),
        ("Le président ukrainien, Oleksandr Spécimenko, s'est exprimé à Kiev. « Nous tiendrons », a martelé le président ukrainien, alors que Paul Modèle quittait la salle.", ['Oleksandr Spécimenko']),
    ],
)
def test_a_title_does_not_introduce_a_person_a_complementizer_puts_in_another_clause(nlps, text: str, expected: list[str]) -> None:
    """"a ajouté le chef de la diplomatie polonaise, avant que X ne conclue": X is not the one the title introduces, so the
    title stays a description of the speaker named before."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministère des Armées a indiqué jeudi dans un communiqué que 40 missiles seraient livrés à l'Ukraine. « Ces livraisons répondent aux besoins exprimés par les forces ukrainiennes », précise le texte.", ['ministère des Armées']),
        ('Le Pentagone a annoncé une nouvelle aide dans une déclaration publiée lundi. « Ce paquet comprend des munitions pour les systèmes Himars », ajoute le document.', ['Pentagone']),
    ],
)
def test_a_document_taken_up_by_another_word_speaks_for_its_issuer(nlps, text: str, expected: list[str]) -> None:
    """"…, a indiqué le ministère dans un communiqué. « … », précise le texte": the text is the communiqué."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Soudan : « Les gens mangent des feuilles pour survivre », témoigne un responsable de MSF', []),
        ("Gaza : « Nous n'avons plus rien à donner à nos enfants », raconte une mère de famille", []),
        ("Ukraine : « Les sirènes ne s'arrêtent plus la nuit », confie un habitant de Kharkiv", []),
    ],
)
def test_a_topic_label_is_no_speaker_when_an_incise_names_no_one(nlps, text: str, expected: list[str]) -> None:
    """"Soudan : « … », témoigne un responsable": the incise says who speaks (no one named), the label is the topic."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('« Les drones ont changé la nature de cette guerre », a expliqué le ministre letton de la Défense, Andris Piemērs.', ['Andris Piemērs']),
    ],
)
def test_lower_case_words_after_a_title_are_no_persons_name(nlps, text: str, expected: list[str]) -> None:
    """"le ministre letton de la Défense, X": the recogniser's "letton de la Défense" is no name; X is the speaker."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le commissaire général de l'UNRWA, Philippe Modèle, a dénoncé mardi la destruction d'écoles. « Jamais les Nations unies n'ont perdu autant de personnel dans un conflit », a regretté le haut fonctionnaire onusien.", ['Philippe Modèle']),
        ("« Il faut un cessez-le-feu », a dit le chef de l'OCHA, Martin Exemple. « Les Nations unies ne quitteront pas Gaza », a insisté le haut fonctionnaire.", ['Martin Exemple', 'Martin Exemple']),
    ],
)
def test_a_name_inside_the_quotation_is_not_the_subject_that_speaks(nlps, text: str, expected: list[str]) -> None:
    """"« Jamais les Nations unies n'ont… », a regretté le haut fonctionnaire": the parse may make the quoted name the
    verb's subject; the speaker is the description after the verb."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministre Espen Eksempel s'est félicité de cette contribution. « L'hiver sera le plus difficile depuis le début du conflit », s'est-il inquiété.", ['Espen Eksempel']),
        ("« Nous avons dépassé nos objectifs », s'est réjoui le ministre Jean-Noël Exemple.", ['Jean-Noël Exemple']),
        ("« Les civils sont pris au piège à Rafah », s'est alarmée la directrice de l'Unicef, Catherine Modèle.", ['Catherine Modèle']),
    ],
)
def test_reflexive_speech_verbs_report_speech_with_their_pronoun(nlps, text: str, expected: list[str]) -> None:
    """"s'est-il inquiété", "s'est réjoui X": the data lists "s'inquiéter", the tagger gives "inquiéter"."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministre tchèque Jan Příklad a présenté son initiative. « Nous avons trouvé les munitions », a-t-il expliqué lors d'une conférence avec son homologue lituanien, Gabrielius Pavyzdys. Ce dernier a estimé que l'initiative était « la plus efficace à court terme ».", ['Jan Příklad', 'Gabrielius Pavyzdys']),
        ("« Nous ne céderons pas », a déclaré la ministre Anna Exemple, qui recevait sa collègue suédoise Maria Modell. Cette dernière a jugé que l'aide restait « bien trop lente pour Kiev ».", ['Anna Exemple', 'Maria Modell']),
        ("Le ministre Paul Spécimen a salué l'accord. « C'est une étape décisive », a-t-il dit aux côtés du général Marc Modèle. Celui-ci a ajouté : « Les premières livraisons arriveront en mai. »", ['Paul Spécimen', 'Marc Modèle']),
    ],
)
def test_ce_dernier_stands_for_the_person_named_last(nlps, text: str, expected: list[str]) -> None:
    """"… avec son homologue X. Ce dernier a estimé « … »": the person named last, not the last speaker."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ('Les Etats-Unis ont annoncé une aide. A Kiev, le président ukrainien Oleksandr Spécimenko a salué une décision « vitale pour nos soldats sur le front ».', ['Oleksandr Spécimenko']),
    ],
)
def test_an_unaccented_capital_preposition_opens_a_place_not_a_speaker(nlps, text: str, expected: list[str]) -> None:
    """AFP copy writes "A Kiev," for "À Kiev,"; the tagger reads the auxiliary, and the city became the speaker."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministre a parlé jeudi. « Si l'Ukraine perd, nous perdons tous », a martelé Jens Exemple.", ['Jens Exemple']),
        ("La réunion a duré deux heures. « Chaque semaine compte », a martelé Jens Exemple.", ['Jens Exemple']),
        ("Le sommet s'est achevé vendredi. « Si l'Ukraine perd, nous perdons tous », a martelé Hans Modell.", ['Hans Modell']),
    ],
)
def test_a_past_participle_after_its_auxiliary_reports_speech_though_tagged_a_noun(nlps, text: str, expected: list[str]) -> None:
    """"a martelé X": the tagger may read the participle as a noun and keep the form as its lemma; after its
    auxiliary, the data file's participle endings give the verb ("marteler")."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministre ukrainien des Affaires étrangères Petro Spécimenko a parlé. « Il nous faut des Patriot », a-t-il insisté.\n\nLe secrétaire général de l'Otan a jugé que « personne ne peut attendre ». « Si l'Ukraine perd, nous perdons tous », a déclaré Jan Modèle.", ['Petro Spécimenko', 'Jan Modèle', 'Jan Modèle']),
        ("Le Premier ministre Paul Exemple a reçu la presse. « La France tiendra », a-t-il promis.\n\nLe président de la République a estimé que « l'Europe doit réarmer ». « Nous le ferons ensemble », a ajouté Marc Modèle.", ['Paul Exemple', 'Marc Modèle', 'Marc Modèle']),
    ],
)
def test_a_description_of_another_office_is_not_the_person_speaking(nlps, text: str, expected: list[str]) -> None:
    """An office one person holds ("le secrétaire général de l'Otan") is not the speaker introduced with another
    such office (a foreign minister): the holder named later speaks, not the one speaking until then."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministre a parlé à Bruxelles.\n\nLa Commission européenne a estimé qu'il fallait « accélérer la production de munitions ».", ['Commission européenne']),
        ("Les ministres se sont réunis à Bruxelles.\n\nLa Banque européenne d'investissement a indiqué qu'elle voulait « financer la reconstruction des réseaux électriques ».", ["Banque européenne d'investissement"]),
    ],
)
def test_an_institution_named_with_its_adjective_is_its_own_speaker(nlps, text: str, expected: list[str]) -> None:
    """"La Commission européenne" is a name (a capital head, its adjective after it), not a description that stands
    for the institution named before ("Bruxelles")."""
    assert [s for s, _ in quotes(nlps, "fr", text)] == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "Pour l'eurodéputée Marie Témoin, interrogée par l'AFP, « ce n'est qu'un début ».", ["Marie Témoin"]),
        ("fr", "L'économiste Paul Spécimen, interrogé par Reuters, a jugé que « le prêt arrive trop tard ».", ["Paul Spécimen"]),
        ("fr", "« Ce n'est qu'un début », a répondu Marie Témoin, interrogée par l'AFP.", ["Marie Témoin"]),
        ("en", 'Asked by reporters, Defence Secretary John Example said: "We will do more."', ["John Example"]),
    ],
)
def test_who_asks_the_question_is_not_who_speaks(nlps, lang: str, text: str, expected: list[str]) -> None:
    """The agent of a verb of asking ("interrogée par l'AFP", "asked by reporters") put the question: the person
    asked speaks, not the agency or the reporters."""
    assert [s for s, _ in quotes(nlps, lang, text)] == expected


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "« L'Europe doit se réveiller », estime l'ancien secrétaire général de l'Otan Jens Modèle, dans un entretien.", ["Jens Modèle"]),
        ("fr", "Le directeur général de l'OMS Tadesse Exemple Bekele a jugé que « la situation est catastrophique ».", ["Tadesse Exemple Bekele"]),
        ("en", 'The chief of the WHO Tadesse Example Bekele said: "The situation is catastrophic."', ["Tadesse Example Bekele"]),
    ],
)
def test_a_name_after_the_institution_of_a_title_speaks_though_read_with_it_as_one_organisation(
    nlps, lang: str, text: str, expected: list[str]
) -> None:
    """The recogniser reads an institution that ends a title's complement and the name after it as one organisation
    ("secrétaire général de l'Otan Jens X", "the chief of the WHO X"), or the name alone as one: the name is the
    person the title introduces."""
    assert [s for s, _ in quotes(nlps, lang, text)] == expected
