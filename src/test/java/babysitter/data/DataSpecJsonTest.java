package babysitter.data;

import static org.assertj.core.api.Assertions.assertThat;

import babysitter.session.configuration.ConfigFiles;
import babysitter.session.configuration.RunConfig;
import babysitter.store.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of data description reads and writes its JSON form unchanged: the same fields in the
 * same order, absent ones left out, alone and inside a run configuration.
 */
class DataSpecJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{'kind':'spiral','n':90,'arms':5,'noise':0.0,'devFraction':0.1,'testFraction':0.1,'standardize':false,'seed':4}",
        "{'kind':'spiral','devFraction':0.2,'testFraction':0.0,'standardize':true}",
        "{'kind':'moons','n':40,'noise':0.3,'devFraction':0.2,'testFraction':0.0,'standardize':true,'seed':12,"
                + "'shuffleSplit':false,'precision':'FLOAT64'}",
        "{'kind':'circles','noise':0.05,'devFraction':0.2,'testFraction':0.0,'standardize':true}",
        "{'kind':'xor','n':600,'devFraction':0.0,'testFraction':0.0,'standardize':true}",
        "{'kind':'blobs','n':300,'classes':4,'noise':0.7,'devFraction':0.25,'testFraction':0.05,'standardize':false,"
                + "'seed':9}",
        "{'kind':'digits','devFraction':0.2,'testFraction':0.1,'standardize':false,'precision':'FLOAT32'}",
        "{'kind':'idx','path':'/data/mnist','devFraction':0.1,'testFraction':0.0,'standardize':true,'shuffleSplit':true}",
        "{'kind':'csv','path':'iris.csv','labelColumn':'species','header':true,'devFraction':0.2,'testFraction':0.0,"
                + "'standardize':true}",
        "{'kind':'csv','path':'x.tsv.gz','header':false,'devFraction':0.2,'testFraction':0.2,'standardize':true,"
                + "'seed':-3}",
    })
    void eachKindWritesBackWhatItRead(String text) throws Exception {
        String json = text.replace('\'', '"');
        DataSpec spec = JSON.readValue(json, DataSpec.class);
        assertThat(JSON.writeValueAsString(spec)).isEqualTo(json);
        assertThat(JSON.readValue(JSON.writeValueAsString(spec), DataSpec.class)).isEqualTo(spec);

        RunConfig config = ConfigFiles.parse("{\"data\":" + json + ",\"epochs\":3,\"seed\":5}", "test");
        String written = Json.MAPPER.writeValueAsString(config);
        assertThat(written).contains("\"data\":" + json);
        assertThat(ConfigFiles.parse(written, "again")).isEqualTo(config);
    }
}
