package com.authorworks.media.audio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.authorworks.content.BookText;
import com.authorworks.media.audio.speech.SpeechEngine;
import com.authorworks.media.audio.speech.SpeechEngine.Age;
import com.authorworks.media.audio.speech.SpeechEngine.Gender;

/**
 * Auto-casting: a narrator and one voice per character of the story bible. Gender and age are read from the
 * character's description and role (pronouns, words like "old" or "girl"); each character gets the engine's
 * closest voice not yet taken (voices repeat only when the cast outnumbers them), and an age as pitch and
 * rate. The author edits any of it afterwards.
 */
final class Casting {

    static final int NARRATOR_PITCH = 45;
    static final int DEFAULT_RATE = 165;

    private static final Pattern FEMALE = Pattern.compile("\\b(she|her|hers|herself|woman|women|girl|mother|daughter|sister|wife|queen"
            + "|princess|lady|aunt|grandmother|widow|actress|heroine|mrs|ms|miss)\\b");
    private static final Pattern MALE = Pattern.compile("\\b(he|him|his|himself|man|men|boy|father|son|brother|husband|king|prince"
            + "|lord|uncle|grandfather|widower|actor|hero|mr|sir)\\b");
    private static final Pattern CHILD = Pattern.compile("\\b(child|kid|boy|girl|toddler|infant|(?:[4-9]|1[0-2])[- ]year[- ]old)\\b");
    private static final Pattern YOUNG = Pattern.compile("\\b(young|teen|teenager|teenage|youth|apprentice|student|1[3-9][- ]year[- ]old|2\\d[- ]year[- ]old)\\b");
    private static final Pattern OLD = Pattern.compile("\\b(old|elderly|aged|ancient|grey-haired|gray-haired|grandmother|grandfather"
            + "|retired|veteran|[6-9]\\d[- ]year[- ]old)\\b");

    /** One cast voice before it is stored. */
    record Cast(String character, String voice, Gender gender, Age age, int pitch, int rate) {
    }

    private Casting() {
    }

    static List<Cast> cast(List<BookText.Person> people, SpeechEngine engine) {
        List<SpeechEngine.Voice> voices = engine.voices();
        Set<String> taken = new HashSet<>();
        List<Cast> cast = new ArrayList<>();
        SpeechEngine.Voice narrator = voices.get(0);
        taken.add(narrator.id());
        cast.add(new Cast(null, narrator.id(), narrator.gender(), narrator.age(), NARRATOR_PITCH, DEFAULT_RATE));
        Set<String> names = new HashSet<>();
        for (BookText.Person person : people) {
            if (!names.add(person.name().toLowerCase(Locale.ROOT)) || cast.size() > 60) {
                continue;
            }
            String about = ((person.description() == null ? "" : person.description()) + " "
                    + (person.role() == null ? "" : person.role())).toLowerCase(Locale.ROOT);
            Gender gender = gender(about);
            Age age = age(about);
            SpeechEngine.Voice voice = pick(voices, taken, gender, age);
            taken.add(voice.id());
            cast.add(new Cast(person.name(), voice.id(), gender, age, pitch(age), rate(age)));
        }
        return cast;
    }

    static Gender gender(String about) {
        int female = count(FEMALE.matcher(about));
        int male = count(MALE.matcher(about));
        return female > male ? Gender.FEMALE : male > female ? Gender.MALE : Gender.NEUTRAL;
    }

    static Age age(String about) {
        if (CHILD.matcher(about).find()) {
            return Age.CHILD;
        }
        if (OLD.matcher(about).find()) {
            return Age.OLD;
        }
        return YOUNG.matcher(about).find() ? Age.YOUNG : Age.ADULT;
    }

    /** espeak-ng's pitch (0–99) for an age; the other engines read only the voice. */
    static int pitch(Age age) {
        return switch (age) {
            case CHILD -> 80;
            case YOUNG -> 60;
            case ADULT -> 50;
            case OLD -> 35;
        };
    }

    static int rate(Age age) {
        return switch (age) {
            case CHILD -> 175;
            case YOUNG -> 170;
            case ADULT -> DEFAULT_RATE;
            case OLD -> 145;
        };
    }

    private static SpeechEngine.Voice pick(List<SpeechEngine.Voice> voices, Set<String> taken, Gender gender, Age age) {
        SpeechEngine.Voice best = null;
        int bestScore = Integer.MIN_VALUE;
        for (SpeechEngine.Voice voice : voices) {
            int score = (taken.contains(voice.id()) ? -10 : 0)
                    + (gender == Gender.NEUTRAL || voice.gender() == gender ? 4 : 0)
                    + (voice.age() == age ? 2 : 0);
            if (score > bestScore) {
                best = voice;
                bestScore = score;
            }
        }
        return best;
    }

    private static int count(Matcher matcher) {
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
