package org.gatewaybench.scenarios.cli;

import java.util.concurrent.Callable;
import org.gatewaybench.scenarios.load.JsonSchemaWriter;
import picocli.CommandLine.Command;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Prints the JSON Schema of scenario files (also published as scenarios/scenario.schema.json).")
final class SchemaCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(JsonSchemaWriter.scenarioSchema());
        return 0;
    }
}
