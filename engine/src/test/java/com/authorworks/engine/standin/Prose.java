package com.authorworks.engine.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes prose the way a model does when asked for a scene: paragraphs of roughly the words asked for
 * (sometimes 10-30 % over), each establishing one new concrete fact, with a unique token, about a
 * character, place or object the request is about. Later facts supersede earlier ones about the same
 * subject and attribute (a character moves, an object changes hands).
 */
final class Prose {

    private static final Pattern WORDS = Pattern.compile("(?i)\\babout (\\d[\\d,]*) words");
    private static final int DEFAULT_WORDS = 450;
    /** How much of the end of the request counts as "what it is about" (the task usually comes last). */
    private static final int TASK_TAIL = 1_000;

    private static final List<String> TOPICS = List.of("vault passphrase", "harbour signal", "ledger cipher", "ferry schedule code",
            "name on the forged will", "safe-house number", "customs seal number", "debt collector's alias");
    private static final List<String> FEATURES = List.of("east door", "north gate", "signal lamp", "back stair", "counting-room shutter");
    private static final List<String> BODY = List.of("left palm", "right shoulder", "brow", "forearm", "ribs", "knee");
    private static final List<String> ABOUT_SOMEONE = List.of(
            "%s said nothing for a while, listening to the rain work at the shutters.",
            "%s counted the steps to the door twice, the way an old habit demanded.",
            "%s did not trust the quiet; quiet had always come before the worst of it.",
            "%s turned the question over and found no side of it that was safe.",
            "%s watched the doorway as if it might answer for itself.",
            "There was a time when that would have been enough, and %s knew it was not that time.",
            "%s let the silence stretch until it became a kind of answer.",
            "%s kept both hands on the table, where they could be seen.");
    private static final List<String> ABOUT_SOMEWHERE = List.of(
            "The lamps of %s guttered as the wind came off the water.",
            "The smell of tar and wet rope hung over %s like a second ceiling.",
            "Dust moved in the light from the high window of %s.",
            "Nobody at %s had slept properly in days, and it showed in every face.",
            "Somewhere below %s, a cart rattled over the cobbles and was gone.",
            "A bell rang the half hour over %s, thin and far away.");

    /** One candidate fact and the sentence that establishes it, before the answer is cut. */
    record Candidate(String subject, String kind, String attribute, String value, String token, String sentence) {
    }

    record Written(String text, List<Candidate> facts) {
    }

    private final World world;

    Prose(World world) {
        this.world = world;
    }

    static int wordsAskedFor(String lastUserMessage) {
        Matcher m = WORDS.matcher(lastUserMessage);
        int words = -1;
        while (m.find()) {
            words = Integer.parseInt(m.group(1).replace(",", ""));
        }
        return words > 0 ? words : DEFAULT_WORDS;
    }

    private static final Pattern SHORTEN = Pattern.compile("(?i)\\b(shorten|summari[sz]e|condense|make (it|this) shorter)\\b");

    /** Whether the request's instruction (its opening) asks to shorten or summarise a text it gives. */
    static boolean asksToShorten(String lastUserMessage) {
        return SHORTEN.matcher(lastUserMessage.substring(0, Math.min(200, lastUserMessage.length()))).find();
    }

    /**
     * What a model answers when asked to shorten a text: the sentences of the text that establish its facts,
     * in order (a summariser keeps what happened), else its opening sentences; no new fact.
     */
    String shortened(String lastUserMessage, List<PlantedFact> given) {
        List<String> kept = given.stream().map(PlantedFact::sentence).filter(lastUserMessage::contains).distinct().toList();
        if (!kept.isEmpty()) {
            return String.join(" ", kept);
        }
        int start = lastUserMessage.indexOf("\n\n");
        String body = start < 0 ? lastUserMessage : lastUserMessage.substring(start + 2);
        String[] sentences = body.strip().split("(?<=[.!?])\\s+");
        return String.join(" ", java.util.Arrays.asList(sentences).subList(0, Math.min(3, sentences.length)));
    }

    Written write(String wholePrompt, String lastUserMessage, Random rng) {
        String tail = lastUserMessage.length() > TASK_TAIL ? lastUserMessage.substring(lastUserMessage.length() - TASK_TAIL) : lastUserMessage;
        List<String> people = world.namesIn(tail, World.CHARACTER);
        if (people.isEmpty()) {
            people = world.namesIn(lastUserMessage, World.CHARACTER);
        }
        if (people.isEmpty()) {
            people = world.namesIn(wholePrompt, World.CHARACTER);
        }
        if (people.isEmpty()) {
            people = List.of(world.personName(rng, new java.util.HashSet<>()));
        }
        List<String> places = world.namesIn(tail, World.PLACE);
        if (places.isEmpty()) {
            places = world.namesIn(lastUserMessage, World.PLACE);
        }
        if (places.isEmpty()) {
            places = new ArrayList<>(List.of(world.placeName(rng)));
        }
        List<String> objects = new ArrayList<>(world.namesIn(wholePrompt, World.OBJECT));

        int asked = wordsAskedFor(lastUserMessage);
        double factor = rng.nextDouble() < 0.4 ? 1.10 + 0.20 * rng.nextDouble() : 0.95 + 0.12 * rng.nextDouble();
        int target = (int) Math.round(asked * factor);

        StringBuilder text = new StringBuilder();
        List<Candidate> facts = new ArrayList<>();
        int words = 0;
        int paragraph = 0;
        while (words < target) {
            String who = people.get(paragraph % people.size());
            String where = places.get(rng.nextInt(places.size()));
            Candidate fact = fact(who, people, where, objects, rng);
            facts.add(fact);
            List<String> sentences = new ArrayList<>();
            int fillers = 3 + rng.nextInt(4);
            for (int i = 0; i < fillers; i++) {
                boolean person = rng.nextInt(3) > 0;
                List<String> templates = person ? ABOUT_SOMEONE : ABOUT_SOMEWHERE;
                sentences.add(String.format(templates.get(rng.nextInt(templates.size())), person ? who : where));
            }
            sentences.add(1 + rng.nextInt(sentences.size() - 1), fact.sentence());
            String body = capitalise(String.join(" ", sentences));
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(body);
            words += body.split("\\s+").length;
            paragraph++;
        }
        return new Written(text.toString(), facts);
    }

    /**
     * One fact. Attributes repeat often enough that later facts supersede earlier ones (a character's
     * location, an object's holder, a door's mark) and vary enough that a long book piles up many
     * (what someone knows about which matter, whom they owe, which injury), as a real model's prose does.
     */
    private Candidate fact(String who, List<String> people, String where, List<String> objects, Random rng) {
        return fact(who, people, where, objects, rng, false);
    }

    /** The same, told in the present tense (a script's action lines) when {@code present}. */
    private Candidate fact(String who, List<String> people, String where, List<String> objects, Random rng, boolean present) {
        String token = world.token(rng);
        int pick = rng.nextInt(9);
        switch (pick) {
            case 0, 1 -> {
                String value = "room " + token + " at " + where;
                return new Candidate(who, World.CHARACTER, "location", value, token,
                        who + (present ? " takes " : " took ") + value + (present ? ", and pays a week in advance." : ", and paid a week in advance."));
            }
            case 2 -> {
                String object = object(objects, rng);
                String value = object + ", tagged " + token;
                return new Candidate(who, World.CHARACTER, "carries " + object, value, token, who + (present ? " pockets " : " pocketed ") + value + (present ? ", and tells no one." : ", and told no one."));
            }
            case 3 -> {
                String part = BODY.get(rng.nextInt(BODY.size()));
                String value = "a cut across the " + part + ", surgeon's chit " + token;
                return new Candidate(who, World.CHARACTER, "injury to the " + part, value, token, who + (present ? " comes away with " : " came away with ") + value + ".");
            }
            case 4 -> {
                String topic = TOPICS.get(rng.nextInt(TOPICS.size()));
                String value = "the " + topic + " is " + token;
                return new Candidate(who, World.CHARACTER, "knows the " + topic, value, token,
                        who + (present ? " learns that " : " learned that ") + value + (present ? ", and burns the note." : ", and burned the note."));
            }
            case 5 -> {
                String other = people.size() > 1 ? people.get((people.indexOf(who) + 1) % people.size()) : where;
                String value = (20 + rng.nextInt(480)) + " crowns, note " + token;
                return new Candidate(who, World.CHARACTER, "owes " + other, value, token, who + " now owes " + other + " " + value + ".");
            }
            case 6 -> {
                String feature = FEATURES.get(rng.nextInt(FEATURES.size()));
                String value = "a chalk mark reading " + token;
                return new Candidate(where, World.PLACE, feature, value, token, "The " + feature + " of " + where + " now bears " + value + ".");
            }
            case 7 -> {
                String object = object(objects, rng);
                String value = who + ", receipt " + token;
                return new Candidate(object, World.OBJECT, "holder", value, token,
                        capitalise(object) + (present ? " passes to " : " passed to ") + who + (present ? ", who signs receipt " : ", who signed receipt ") + token + " for it.");
            }
            default -> {
                String value = "flooded cellar, harbour office file " + token;
                return new Candidate(where, World.PLACE, "cellar", value, token,
                        "The cellar of " + where + (present ? " floods to the second step; the harbour office files it as " : " flooded to the second step; the harbour office filed it as ") + token + ".");
            }
        }
    }

    private static final List<String> ACTION = List.of("%s watches the doorway.", "%s keeps both hands on the table.",
            "%s counts the steps to the door.", "%s listens to the rain on the shutters.", "%s turns the letter over, twice.");
    private static final List<String> LINES = List.of("We don't have long.", "You said that last winter.", "Nobody leaves until it's settled.",
            "I paid what I owed. Every crown.", "Then who has it?", "Keep your voice down.", "It was never yours to sell.");
    private static final Pattern CENTRED = Pattern.compile("^>.*<$");
    private static final Pattern FORCED_HEADING = Pattern.compile("^\\.[A-Z0-9][A-Z0-9 .'-]*$");

    /**
     * A scene in Fountain, as a model writes one when asked for a script: the lines the task asks it to open
     * and end with (centred {@code > … <} lines, a forced {@code .HEADING}; one reading "END OF" goes last), a scene
     * heading when none was asked for, then present-tense action lines, each block establishing one fact, and
     * character cues with their dialogue.
     */
    Written fountain(String wholePrompt, String task, Random rng) {
        Written prose = write(wholePrompt, task, rng); // for its people, places and length
        List<String> people = world.namesIn(task, World.CHARACTER);
        if (people.isEmpty()) {
            people = List.of(prose.facts().isEmpty() ? "The stranger" : prose.facts().getFirst().subject());
        }
        List<String> places = world.namesIn(task, World.PLACE);
        String place = places.isEmpty() ? world.placeName(rng) : places.getFirst();
        List<String> opening = new ArrayList<>();
        List<String> closing = new ArrayList<>();
        for (String line : task.split("\n")) {
            String l = line.strip();
            if (CENTRED.matcher(l).matches() || FORCED_HEADING.matcher(l).matches()) {
                (l.toUpperCase(java.util.Locale.ROOT).contains("END OF") ? closing : opening).add(l);
            }
        }
        StringBuilder text = new StringBuilder();
        opening.stream().distinct().forEach(l -> text.append(l).append("\n\n"));
        if (opening.stream().noneMatch(l -> l.startsWith("."))) {
            text.append("INT. ").append(place.toUpperCase(java.util.Locale.ROOT)).append(" - NIGHT\n\n");
        }
        List<Candidate> facts = new ArrayList<>();
        List<String> objects = new ArrayList<>(world.namesIn(wholePrompt, World.OBJECT));
        int target = Math.max(150, prose.text().split("\\s+").length);
        int words = 0;
        for (int block = 0; words < target; block++) {
            String who = people.get(block % people.size());
            Candidate fact = fact(who, people, place, objects, rng, true);
            facts.add(fact);
            String action = String.format(ACTION.get(rng.nextInt(ACTION.size())), who) + " " + fact.sentence();
            String cue = who.toUpperCase(java.util.Locale.ROOT);
            String line = LINES.get(rng.nextInt(LINES.size()));
            text.append(action).append("\n\n").append(cue).append('\n').append(rng.nextInt(4) == 0 ? "(quietly)\n" : "")
                    .append(line).append("\n\n");
            words += action.split("\\s+").length + line.split("\\s+").length + 2;
        }
        closing.stream().distinct().forEach(l -> text.append(l).append("\n\n"));
        return new Written(text.toString().strip(), facts);
    }

    private String object(List<String> objects, Random rng) {
        if (objects.isEmpty() || rng.nextInt(3) == 0) {
            String made = world.objectName(rng);
            objects.add(made);
            return made;
        }
        return objects.get(rng.nextInt(objects.size()));
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
