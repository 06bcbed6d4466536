package com.authorworks.editor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import com.authorworks.editor.internal.EditorProperties;
import com.authorworks.editor.internal.yjs.Yjs;
import com.authorworks.platform.database.ServiceSchema;
import com.authorworks.platform.services.ConditionalOnService;

/**
 * Registers the editor service when AUTHORWORKS_SERVICES includes {@code editor}: shared editing of a
 * scene over the Yjs sync protocol at {@code /ws/editor/{documentId}}, its update log in the
 * {@code editor} schema, and {@code /api/v1/editor/...}. The GraalJS engine running yjs starts with
 * the first document opened, not with the process.
 */
@AutoConfiguration
@ConditionalOnService("editor")
@ComponentScan("com.authorworks.editor.internal")
@EnableConfigurationProperties(EditorProperties.class)
public class EditorAutoConfiguration {

    @Bean
    ServiceSchema editorSchema() {
        return new ServiceSchema("editor");
    }

    @Bean(destroyMethod = "close")
    Yjs editorYjs(EditorProperties properties) {
        return new Yjs(properties.yjsContexts());
    }
}
