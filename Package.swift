// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one module per stage:
//   AudioFiles (libsndfile + libsoxr)  ->  Speech (PocketSphinx, utterance VAD)
//   -> Analysis (pure Swift, no C)  ->  RehearseKit (glue, reports)  ->  rehearse (thin CLI)
// Capture (ALSA) and History (SQLite) plug into RehearseKit as their own modules.
let package = Package(
    name: "Rehearse",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rehearse", targets: ["rehearse"]),
        .executable(name: "rehearse-lm", targets: ["LanguageModelBuilder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile",
                       providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr",
                       providers: [.apt(["libsoxr-dev"])]),
        .systemLibrary(name: "CPocketSphinx", pkgConfig: "pocketsphinx",
                       providers: [.apt(["libpocketsphinx-dev", "libsphinxbase-dev"])]),
        .systemLibrary(name: "CAlsa", pkgConfig: "alsa",
                       providers: [.apt(["libasound2-dev"])]),

        .target(name: "AudioFiles", dependencies: ["CSndFile", "CSoxr"]),
        .target(name: "Speech", dependencies: ["CPocketSphinx"]),
        .target(name: "Analysis"),
        .target(name: "RehearseKit", dependencies: ["AudioFiles", "Speech", "Analysis"]),
        .target(name: "SpeechEvaluation", dependencies: ["RehearseKit", "Speech", "Analysis"]),
        .executableTarget(name: "rehearse", dependencies: [
            "RehearseKit",
            "Speech",
            "SpeechEvaluation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "LanguageModelBuilder", dependencies: [
            "Speech",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "AudioFilesTests", dependencies: ["AudioFiles"]),
        .testTarget(name: "SpeechTests", dependencies: ["Speech", "AudioFiles"]),
        .testTarget(name: "RehearseCLITests", dependencies: ["RehearseKit"]),
        .testTarget(name: "LanguageModelBuilderTests", dependencies: ["LanguageModelBuilder"]),
        .testTarget(name: "SpeechEvalTests", dependencies: ["SpeechEvaluation", "RehearseKit", "Speech"]),
    ],
    swiftLanguageModes: [.v6]
)
