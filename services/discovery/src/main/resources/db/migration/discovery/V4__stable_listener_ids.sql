-- Discovery's listeners got stable ids (discovery.book-published, ...). A publication still in the registry
-- names its listener by the id it had when it was written: until now Spring's default, the method's qualified
-- name and parameter types. Carry the unfinished ones over to the new ids, or no process would take them up
-- again. On a new database the registry's table may not exist yet (and holds nothing to carry over).
DO $$
BEGIN
    IF to_regclass('events.event_publication') IS NOT NULL THEN
        UPDATE events.event_publication SET listener_id = CASE listener_id
            WHEN 'com.authorworks.discovery.internal.Discovery.on(com.authorworks.content.BookPublished)' THEN 'discovery.book-published'
            WHEN 'com.authorworks.discovery.internal.Discovery.on(com.authorworks.content.BookUnpublished)' THEN 'discovery.book-unpublished'
            WHEN 'com.authorworks.discovery.internal.Discovery.on(com.authorworks.content.BookDeleted)' THEN 'discovery.book-deleted'
            WHEN 'com.authorworks.discovery.internal.Discovery.on(com.authorworks.content.BookRead)' THEN 'discovery.book-read'
        END
        WHERE listener_id IN ('com.authorworks.discovery.internal.Discovery.on(com.authorworks.content.BookPublished)',
                              'com.authorworks.discovery.internal.Discovery.on(com.authorworks.content.BookUnpublished)',
                              'com.authorworks.discovery.internal.Discovery.on(com.authorworks.content.BookDeleted)',
                              'com.authorworks.discovery.internal.Discovery.on(com.authorworks.content.BookRead)')
          AND completion_date IS NULL;
    END IF;
END
$$;
