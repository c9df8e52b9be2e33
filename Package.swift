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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        .target(name: "Capture", dependencies: ["CAlsa", "AudioFiles", "Speech"]),
        .target(name: "History", dependencies: [
            "Analysis",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "RehearseKit", dependencies: ["AudioFiles", "Speech", "Analysis", "History", "Capture"]),
        // Runs the real pipeline over synthesized answers and measures it (rehearse eval-asr).
        .target(name: "SpeechEvaluation", dependencies: ["RehearseKit", "Speech", "Analysis"]),
        .executableTarget(name: "rehearse", dependencies: [
            "RehearseKit", "History", "Analysis", "Speech", "SpeechEvaluation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "LanguageModelBuilder", dependencies: [
            "Speech", "Analysis",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Fixtures shared by the test targets (sox-made recordings, running the built CLI).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "AudioFilesTests", dependencies: ["AudioFiles", "TestSupport"]),
        .testTarget(name: "SpeechTests", dependencies: ["Speech", "AudioFiles", "TestSupport"]),
        .testTarget(name: "RehearseCLITests", dependencies: ["rehearse", "RehearseKit", "TestSupport"]),
        .testTarget(name: "CaptureTests", dependencies: ["Capture", "AudioFiles", "Speech", "Analysis", "RehearseKit", "TestSupport"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "RehearseKit", "Analysis", "HistoryStress"]),
        // A second process for HistoryTests to run beside itself and kill mid-save.
        .executableTarget(name: "HistoryStress", dependencies: [
            "History", "Analysis",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Tests/HistoryStress"),
        .testTarget(name: "LanguageModelBuilderTests", dependencies: ["LanguageModelBuilder", "Analysis"]),
        .testTarget(name: "SpeechEvalTests", dependencies: ["SpeechEvaluation", "RehearseKit", "Speech", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
