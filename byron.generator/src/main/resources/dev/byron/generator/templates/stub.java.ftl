import dev.byron.runtime.api.ByronException;
import dev.byron.runtime.api.ErrorCode;
import dev.byron.runtime.spi.CommandHookContext;
import dev.byron.runtime.spi.EventHookContext;
import dev.byron.runtime.spi.ResolverContext;

/**
 * The hooks and resolvers of ${stub.component()}, to fill in. Byron wrote this file once because nothing
 * implemented ${stub.interfaceName()}; it never writes it again. Before hooks accept the command as it is,
 * reactions do nothing, resolvers answer INTERNAL until they are written.
 */
public class ${stub.className()} implements ${stub.interfaceName()} {
<#list stub.methods() as m>

	@Override
	public ${m.declaration()} {
		${m.body()}
	}
</#list>
}
