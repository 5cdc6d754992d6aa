package dev.byron.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Every generated AsyncAPI document validates against the AsyncAPI 3.0.0 JSON schema (from @asyncapi/specs). */
class AsyncApiTest {
	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void generatedDocumentsAreValidAsyncApi3() throws Exception {
		JsonSchema schema;
		try (InputStream in = AsyncApiTest.class.getResourceAsStream("/asyncapi/3.0.0.json")) {
			schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
		}
		int checked = 0;
		for (String example : List.of("microblog", "shop")) {
			for (Artifact artifact : Generator.artifacts(GeneratorTest.load(example).model())) {
				if (artifact.path().endsWith("asyncapi.json")) {
					JsonNode document = JSON.readTree(artifact.content());
					Set<ValidationMessage> errors = schema.validate(document);
					assertThat(errors).as(artifact.path()).isEmpty();
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(10);
	}

	@Test
	void aDocumentListsWhatTheComponentSendsAndReceives() throws Exception {
		var timeline = Generator.artifacts(GeneratorTest.load("microblog").model()).stream()
				.filter(a -> a.path().equals("components/timeline/asyncapi.json")).findFirst().orElseThrow();
		JsonNode document = JSON.readTree(timeline.content());
		assertThat(document.at("/operations/send.timeline.Entry/action").asText()).isEqualTo("send");
		assertThat(document.at("/operations/receive.posts.Post/action").asText()).isEqualTo("receive");
		assertThat(document.at("/channels/posts.Post/address").asText()).isEqualTo("byron.microblog.posts.entity.Post.{id}");
		assertThat(document.at("/components/messages/timeline.EntryChanged/name").asText()).isEqualTo("EntryChanged");
	}
}
