package com.authorworks.media.audio;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Duration;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

/**
 * A render as a podcast (RSS 2.0 with the iTunes namespace, through ROME and its iTunes module): one episode
 * per chapter in order ({@code itunes:type} serial, episode numbers), each enclosure with its length in bytes
 * and its duration, the cover as {@code itunes:image}, a category and the explicit flag.
 */
final class PodcastFeed {

    record Episode(int number, String title, String url, long bytes, long durationMs, Date published) {
    }

    private PodcastFeed() {
    }

    static String xml(String title, String author, String description, String link, String imageUrl, boolean explicit, List<Episode> episodes) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(title);
        feed.setLink(link);
        feed.setDescription(description == null || description.isBlank() ? title : description);
        feed.setLanguage("en");
        feed.setAuthor(author);
        FeedInformation itunes = new FeedInformationImpl();
        itunes.setAuthor(author);
        itunes.setSummary(feed.getDescription());
        itunes.setImageUri(imageUrl);
        itunes.setExplicit(explicit);
        itunes.setType("serial");
        itunes.setCategories(List.of(new Category("Arts")));
        itunes.setOwnerName(author);
        feed.getModules().add(itunes);
        List<SyndEntry> entries = new ArrayList<>();
        for (Episode episode : episodes) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setTitle(episode.title());
            entry.setLink(episode.url());
            entry.setUri(episode.url());
            entry.setPublishedDate(episode.published());
            SyndContentImpl body = new SyndContentImpl();
            body.setType("text/plain");
            body.setValue(episode.title());
            entry.setDescription(body);
            SyndEnclosure enclosure = new SyndEnclosureImpl();
            enclosure.setUrl(episode.url());
            enclosure.setType("audio/mpeg");
            enclosure.setLength(episode.bytes());
            entry.setEnclosures(List.of(enclosure));
            EntryInformation info = new EntryInformationImpl();
            info.setDuration(new Duration(episode.durationMs()));
            info.setEpisode(episode.number());
            info.setEpisodeType("full");
            info.setTitle(episode.title());
            info.setExplicit(explicit);
            entry.getModules().add(info);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("The podcast feed could not be written", e);
        }
    }
}
