package babysitter.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import babysitter.data.BatchOrder;
import babysitter.data.BuiltInSet;
import babysitter.data.DataSpec;
import babysitter.engine.Activation;
import babysitter.engine.Hyperparameters;
import babysitter.engine.LayerSpec;
import babysitter.engine.LrDecay;
import babysitter.engine.Precision;
import babysitter.engine.optim.OptimizerKind;
import babysitter.session.configuration.NetworkSpec;
import babysitter.session.configuration.OptimizerSpec;
import babysitter.session.configuration.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setup view-model without the JavaFX toolkit. */
class SetupViewModelTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreValidAndDescribeTheDefaultRun() {
        SetupViewModel vm = SetupViewModel.defaults();
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.canStartProperty().get()).isTrue();
        for (String f : SetupViewModel.TEXT_FIELDS) {
            assertThat(vm.error(f).get()).as(f).isEmpty();
        }
        RunConfig c = vm.toConfig().orElseThrow();
        assertThat(c.name()).isEqualTo("spiral");
        assertThat(c.data().kind()).isEqualTo("spiral");
        BuiltInSet spiral = (BuiltInSet) c.data();
        assertThat(spiral.n()).isEqualTo(600);
        assertThat(spiral.arms()).isEqualTo(3);
        assertThat(spiral.noise()).isEqualTo(0.2);
        assertThat(spiral.classes()).isNull();
        assertThat(c.data().devFraction()).isEqualTo(0.2);
        assertThat(c.data().testFraction()).isEqualTo(0.0);
        assertThat(c.data().standardize()).isTrue();
        assertThat(c.network().hidden()).containsExactly(new LayerSpec(32, Activation.RELU, true),
                new LayerSpec(32, Activation.RELU, true));
        assertThat(c.network().precision()).isEqualTo(Precision.FLOAT32);
        Hyperparameters hp = c.optimizer().toHyperparameters();
        assertThat(hp.optimizer()).isEqualTo(OptimizerKind.ADAM);
        assertThat(hp.learningRate()).isEqualTo(0.01);
        assertThat(hp.batchSize()).isEqualTo(32);
        assertThat(hp.l2()).isEqualTo(0.0);
        assertThat(hp.beta1()).isEqualTo(Hyperparameters.DEFAULTS.beta1());
        assertThat(c.epochs()).isEqualTo(40);
        assertThat(c.seed()).isEqualTo(1L);
    }

    @Test
    void learningRateMustBeAPositiveNumberAndTheMessageNamesTheValue() {
        SetupViewModel vm = SetupViewModel.defaults();
        vm.learningRateProperty().set("abc");
        assertThat(vm.error("learningRate").get())
                .isEqualTo("learning rate α must be a number from 1e-06 to 10, got 'abc'");
        assertThat(vm.isValid()).isFalse();
        assertThat(vm.canStartProperty().get()).isFalse();
        assertThat(vm.toConfig()).isEmpty();

        vm.learningRateProperty().set("0");
        assertThat(vm.error("learningRate").get()).contains("from 1e-06 to 10").endsWith("got 0");
        vm.learningRateProperty().set("-1");
        assertThat(vm.error("learningRate").get()).endsWith("got -1");
        vm.learningRateProperty().set("1e999");
        assertThat(vm.error("learningRate").get()).contains("from 1e-06 to 10").endsWith("got 1e999");
        // the same rule as the live controls and the configuration reader: 1000 is refused, 10 is not
        vm.learningRateProperty().set("1000");
        assertThat(vm.error("learningRate").get()).isEqualTo(
                "learning rate α must be a number from " + babysitter.session.configuration.LearningRateRange.describe() + ", got 1000");
        vm.learningRateProperty().set("10");
        assertThat(vm.error("learningRate").get()).isEmpty();
        vm.learningRateProperty().set("1e999");
        assertThat(vm.isValid()).isFalse();

        vm.learningRateProperty().set(" 3e-4 ");
        assertThat(vm.error("learningRate").get()).isEmpty();
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.toConfig().orElseThrow().optimizer().learningRate()).isEqualTo(3e-4);
    }

    @Test
    void batchSizeMustBeAWholeNumberOfAtLeastOne() {
        SetupViewModel vm = SetupViewModel.defaults();
        vm.batchSizeProperty().set("0");
        assertThat(vm.error("batchSize").get()).isEqualTo("mini-batch size must be a whole number ≥ 1, got 0");
        vm.batchSizeProperty().set("2.5");
        assertThat(vm.error("batchSize").get())
                .isEqualTo("mini-batch size must be a whole number ≥ 1, got '2.5'");
        assertThat(vm.isValid()).isFalse();
        vm.batchSizeProperty().set("64");
        assertThat(vm.error("batchSize").get()).isEmpty();
        assertThat(vm.toConfig().orElseThrow().optimizer().batchSize()).isEqualTo(64);
    }

    @Test
    void otherFieldsFollowTheEngineRules() {
        SetupViewModel vm = SetupViewModel.defaults();
        vm.l2Property().set("-0.1");
        vm.epochsProperty().set("0");
        vm.seedProperty().set("x");
        vm.devFractionProperty().set("1");
        vm.noiseProperty().set("-1");
        vm.armsProperty().set("1");
        assertThat(vm.error("l2").get()).startsWith("L2 strength λ must be").endsWith("got -0.1");
        assertThat(vm.error("epochs").get()).isEqualTo("epochs must be a whole number ≥ 1, got 0");
        assertThat(vm.error("seed").get()).isEqualTo("seed must be a whole number, got 'x'");
        assertThat(vm.error("devFraction").get()).isEqualTo("dev fraction must be a number in [0, 1), got 1");
        assertThat(vm.error("noise").get()).endsWith("got -1");
        assertThat(vm.error("arms").get()).isEqualTo("arms must be a whole number ≥ 2, got 1");
        assertThat(vm.isValid()).isFalse();
    }

    @Test
    void fieldsThatTogetherBreakARuleAreReported() {
        SetupViewModel vm = SetupViewModel.defaults();
        vm.devFractionProperty().set("0.5");
        vm.testFractionProperty().set("0.5");
        assertThat(vm.error("testFraction").get())
                .isEqualTo("dev fraction + test fraction must be < 1, got 0.5 + 0.5");
        assertThat(vm.isValid()).isFalse();
        vm.testFractionProperty().set("0.1");
        assertThat(vm.isValid()).isTrue();

        vm.armsProperty().set("5");
        vm.nProperty().set("4");
        assertThat(vm.error("n").get()).isEqualTo("n must be at least the number of arms (5), got 4");
        assertThat(vm.isValid()).isFalse();
    }

    @Test
    void layersParseFromTheCompactText() {
        SetupViewModel vm = SetupViewModel.defaults();
        vm.layersProperty().set("32 relu bn, 16 tanh");
        assertThat(vm.error("layers").get()).isEmpty();
        assertThat(vm.toConfig().orElseThrow().network().hidden()).containsExactly(
                new LayerSpec(32, Activation.RELU, true), new LayerSpec(16, Activation.TANH, false));

        vm.layersProperty().set("");
        assertThat(vm.toConfig().orElseThrow().network().hidden()).isEmpty();

        vm.layersProperty().set("32 swish");
        assertThat(vm.error("layers").get()).contains("'swish'").contains("relu, leaky_relu, tanh, sigmoid");
        assertThat(vm.isValid()).isFalse();

        vm.layersProperty().set("0 relu");
        assertThat(vm.error("layers").get()).isEqualTo("layer 1: '0' must be a whole number ≥ 1");

        vm.layersProperty().set("32 relu, 0");
        assertThat(vm.error("layers").get()).isEqualTo("layer 2: '0' must be a whole number ≥ 1");

        vm.layersProperty().set("32 relu,, 8");
        assertThat(vm.error("layers").get()).startsWith("layer 2: empty");

        vm.layersProperty().set("64 LEAKY_RELU bn, 8 sigmoid");
        assertThat(vm.toConfig().orElseThrow().network().hidden()).containsExactly(
                new LayerSpec(64, Activation.LEAKY_RELU, true), new LayerSpec(8, Activation.SIGMOID, false));
    }

    @Test
    void layerTextFormatsWhatItParses() {
        List<LayerSpec> layers = List.of(new LayerSpec(32, Activation.RELU, true), new LayerSpec(5, Activation.TANH,
                false));
        assertThat(LayerText.format(layers)).isEqualTo("32 relu bn, 5 tanh");
        assertThat(LayerText.parse(LayerText.format(layers))).isEqualTo(layers);
        assertThat(LayerText.parse("8")).containsExactly(new LayerSpec(8, Activation.RELU, false));
        assertThatThrownBy(() -> LayerText.parse("8 relu tanh")).hasMessageContaining("unexpected 'tanh'");
        assertThatThrownBy(() -> LayerText.parse("8 relu bn bn")).hasMessageContaining("'bn' is written twice");
    }

    @Test
    void theKindDecidesWhichFieldsApply() {
        SetupViewModel vm = SetupViewModel.defaults();
        assertThat(vm.applies("arms")).isTrue();
        assertThat(vm.appliesProperty("arms").get()).isTrue();
        assertThat(vm.applicableFields()).contains("n", "arms", "noise").doesNotContain("classes", "path");

        vm.dataKindProperty().set("digits");
        assertThat(vm.appliesProperty("arms").get()).isFalse();
        assertThat(vm.applies("n")).isFalse();
        assertThat(vm.applies("noise")).isFalse();
        assertThat(vm.applicableFields()).containsExactlyInAnyOrder("devFraction", "testFraction", "standardize");
        assertThat(vm.isValid()).isTrue();
        RunConfig digits = vm.toConfig().orElseThrow();
        assertThat(digits.name()).isEqualTo("digits");
        assertThat(digits.data()).isInstanceOf(babysitter.data.DigitsSet.class);

        vm.dataKindProperty().set("blobs");
        assertThat(vm.applicableFields()).contains("n", "classes", "noise").doesNotContain("arms");
        vm.dataKindProperty().set("csv");
        assertThat(vm.applicableFields()).contains("path", "labelColumn", "header").doesNotContain("n");
        assertThat(vm.isValid()).isFalse(); // no file chosen yet
        assertThat(vm.error("path").get()).isEqualTo("choose a CSV file");
        vm.dataKindProperty().set("idx");
        assertThat(vm.applicableFields()).contains("path").doesNotContain("testFraction", "labelColumn");

        // a hidden invalid field does not block: an invalid arms is ignored for moons
        vm.dataKindProperty().set("spiral");
        vm.armsProperty().set("x");
        assertThat(vm.isValid()).isFalse();
        vm.dataKindProperty().set("moons");
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.error("arms").get()).isEmpty();
    }

    @Test
    void switchingKindFillsInTheNewKindsDefaultsUnlessEdited() {
        SetupViewModel vm = SetupViewModel.defaults();
        vm.dataKindProperty().set("moons");
        assertThat(vm.noiseProperty().get()).isEqualTo("0.1");
        vm.noiseProperty().set("0.3");
        vm.dataKindProperty().set("circles");
        assertThat(vm.noiseProperty().get()).isEqualTo("0.3");
        assertThat(((BuiltInSet) vm.toConfig().orElseThrow().data()).noise()).isEqualTo(0.3);
    }

    @Test
    void momentumAppliesOnlyToTheMomentumOptimiser() {
        SetupViewModel vm = SetupViewModel.defaults();
        assertThat(vm.applies("momentum")).isFalse();
        vm.momentumProperty().set("1.5");
        assertThat(vm.isValid()).isTrue();
        vm.optimizerProperty().set(OptimizerKind.MOMENTUM);
        assertThat(vm.applies("momentum")).isTrue();
        assertThat(vm.error("momentum").get()).isEqualTo("momentum β must be a number in [0, 1), got 1.5");
        assertThat(vm.isValid()).isFalse();
        vm.momentumProperty().set("0.95");
        RunConfig c = vm.toConfig().orElseThrow();
        assertThat(c.optimizer().kind()).isEqualTo(OptimizerKind.MOMENTUM);
        assertThat(c.optimizer().momentum()).isEqualTo(0.95);
    }

    @Test
    void busyBlocksStartingButNotValidity() {
        SetupViewModel vm = SetupViewModel.defaults();
        int[] runs = {0};
        vm.setOnNewRun(() -> runs[0]++);
        vm.newRun();
        assertThat(runs[0]).isEqualTo(1);
        vm.busyProperty().set(true);
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.canStartProperty().get()).isFalse();
        vm.newRun();
        assertThat(runs[0]).isEqualTo(1);
        vm.busyProperty().set(false);
        assertThat(vm.canStartProperty().get()).isTrue();
    }

    @Test
    void previewShowsTheSpiralAndNothingForDigits() {
        SetupViewModel vm = SetupViewModel.defaults();
        List<SetupViewModel.PreviewPoint> spiral = vm.previewProperty().get();
        assertThat(spiral).hasSize(600);
        assertThat(spiral.stream().map(SetupViewModel.PreviewPoint::label).collect(Collectors.toSet()))
                .isEqualTo(Set.of(0, 1, 2));
        assertThat(spiral).allSatisfy(p -> assertThat(Math.hypot(p.x(), p.y())).isLessThanOrEqualTo(1.0 + 1e-6));

        vm.armsProperty().set("5");
        assertThat(vm.previewProperty().get().stream().map(SetupViewModel.PreviewPoint::label).distinct().count())
                .isEqualTo(5);

        vm.nProperty().set("50000");
        assertThat(vm.previewProperty().get()).hasSize(SetupViewModel.PREVIEW_CAP);

        vm.dataKindProperty().set("digits");
        assertThat(vm.previewProperty().get()).isEmpty();

        vm.dataKindProperty().set("blobs");
        assertThat(vm.previewProperty().get()).isNotEmpty();
        assertThat(vm.previewProperty().get().stream().map(SetupViewModel.PreviewPoint::label).distinct().count())
                .isEqualTo(Integer.parseInt(vm.classesProperty().get()));
    }

    @Test
    void previewFollowsTheSeed() {
        SetupViewModel vm = SetupViewModel.defaults();
        List<SetupViewModel.PreviewPoint> first = vm.previewProperty().get();
        vm.seedProperty().set("2");
        assertThat(vm.previewProperty().get()).hasSameSizeAs(first).isNotEqualTo(first);
        vm.seedProperty().set("1");
        assertThat(vm.previewProperty().get()).isEqualTo(first);
    }

    @Test
    void csvColumnsComeFromTheHeaderLine() throws IOException {
        Path file = tmp.resolve("iris.csv");
        Files.writeString(file, "sepal_length,sepal_width,\"petal, length\",species\n5.1,3.5,1.4,setosa\n"
                + "6.2,2.9,4.3,versicolor\n");
        SetupViewModel vm = SetupViewModel.defaults();
        vm.dataKindProperty().set("csv");
        vm.choosePath(file);
        assertThat(vm.pathProperty().get()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(vm.csvColumns()).containsExactly("sepal_length", "sepal_width", "petal, length", "species");
        assertThat(vm.error("path").get()).isEmpty();
        assertThat(vm.isValid()).isTrue();

        vm.labelColumnProperty().set("species");
        RunConfig c = vm.toConfig().orElseThrow();
        babysitter.data.CsvFile csv = (babysitter.data.CsvFile) c.data();
        assertThat(csv.path()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(csv.labelColumn()).isEqualTo("species");
        assertThat(csv.header()).isTrue();

        vm.labelColumnProperty().set("colour");
        assertThat(vm.error("labelColumn").get()).contains("'colour'").contains("species");
        vm.labelColumnProperty().set("4");
        assertThat(vm.error("labelColumn").get()).contains("out of range").contains("4 columns");
        vm.labelColumnProperty().set("0");
        assertThat(vm.isValid()).isTrue();

        vm.headerProperty().set(false);
        assertThat(vm.csvColumns()).isEmpty();
        assertThat(((babysitter.data.CsvFile) vm.toConfig().orElseThrow().data()).header()).isFalse();
    }

    @Test
    void aMissingOrBadFileIsAMessageNotAnException() throws IOException {
        SetupViewModel vm = SetupViewModel.defaults();
        vm.dataKindProperty().set("csv");
        Path missing = tmp.resolve("nope.csv");
        vm.choosePath(missing);
        assertThat(vm.error("path").get()).isEqualTo("no such file: " + missing.toAbsolutePath());
        assertThat(vm.csvColumns()).isEmpty();
        assertThat(vm.isValid()).isFalse();

        Path empty = Files.writeString(tmp.resolve("empty.csv"), "\n\n");
        vm.choosePath(empty);
        assertThat(vm.error("path").get()).startsWith("the file is empty");

        vm.choosePath(tmp);
        assertThat(vm.error("path").get()).startsWith("not a file");

        vm.dataKindProperty().set("idx");
        assertThat(vm.error("path").get()).isEmpty();
        assertThat(vm.isValid()).isTrue();
        assertThat(((babysitter.data.IdxFolder) vm.toConfig().orElseThrow().data()).path()).isEqualTo(tmp.toAbsolutePath().toString());
        vm.choosePath(tmp.resolve("no-such-folder"));
        assertThat(vm.error("path").get()).startsWith("no such folder: ");
        assertThat(vm.isValid()).isFalse();
    }

    @Test
    void loadFillsTheFieldsAndRoundTrips() {
        OptimizerSpec optimizer = new OptimizerSpec(OptimizerKind.RMSPROP, 0.003, 0.8, 0.85, 0.99, 1e-7, 0.001, 64,
                LrDecay.INVERSE_TIME, 0.5);
        RunConfig config = new RunConfig("blobs",
                new NetworkSpec(List.of(new LayerSpec(16, Activation.TANH, false),
                        new LayerSpec(8, Activation.LEAKY_RELU, true)), Precision.FLOAT64, 1e-4, 0.8),
                optimizer,
                new BuiltInSet("blobs", 300, 4, null, 0.7, new babysitter.data.SplitSettings(0.25, 0.05, false, 9L, null, null)),
                7, 42L, BatchOrder.DATA, 5);
        SetupViewModel vm = SetupViewModel.defaults();
        vm.load(config);
        assertThat(vm.dataKindProperty().get()).isEqualTo("blobs");
        assertThat(vm.nProperty().get()).isEqualTo("300");
        assertThat(vm.classesProperty().get()).isEqualTo("4");
        assertThat(vm.noiseProperty().get()).isEqualTo("0.7");
        assertThat(vm.layersProperty().get()).isEqualTo("16 tanh, 8 leaky_relu bn");
        assertThat(vm.learningRateProperty().get()).isEqualTo("0.003");
        assertThat(vm.batchSizeProperty().get()).isEqualTo("64");
        assertThat(vm.epochsProperty().get()).isEqualTo("7");
        assertThat(vm.seedProperty().get()).isEqualTo("42");
        assertThat(vm.standardizeProperty().get()).isFalse();
        assertThat(vm.precisionProperty().get()).isEqualTo(Precision.FLOAT64);
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.toConfig()).contains(config);

        SetupViewModel again = new SetupViewModel();
        again.load(vm.toConfig().orElseThrow());
        assertThat(again.toConfig()).contains(config);
    }

    @Test
    void loadOfAConfigWithAbsentKeysTakesTheDefaults() {
        RunConfig sparse = new RunConfig(null, null, null, DataSpec.of("moons"), null, null, null, null);
        SetupViewModel vm = SetupViewModel.defaults();
        vm.load(sparse);
        RunConfig c = vm.toConfig().orElseThrow();
        assertThat(c.data()).isEqualTo(DataSpec.of("moons").withDefaults());
        assertThat(c.optimizer().toHyperparameters()).isEqualTo(Hyperparameters.DEFAULTS);
        assertThat(c.epochs()).isEqualTo(RunConfig.DEFAULT_EPOCHS);
        assertThat(c.network().hidden()).isEmpty();
        assertThat(vm.layersProperty().get()).isEmpty();
    }
}
