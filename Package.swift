// swift-tools-version: 6.0
import PackageDescription

// The pipeline, one module per stage (docs/architecture.md):
//   AudioFiles (libsndfile + libsoxr) / Capture (ALSA)  ->  SpeechCore (segmenting, VAD, noise)
//   -> PocketSphinx (the recognizer)  ->  Analysis (pure Swift rules over Models/lexicon)
//   -> Pipeline (one report assembler)  ->  Reports / Practice / History  ->  rehearse (thin CLI)
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
        // Pure Swift speech plumbing: segmenting, VAD, noise, word timing, transcription drivers.
        .target(name: "SpeechCore", dependencies: ["AudioFiles"]),
        // The only module that talks to libpocketsphinx.
        .target(name: "PocketSphinx", dependencies: ["CPocketSphinx", "SpeechCore"]),
        .target(name: "Analysis"),
        // ALSA capture and the capture loop; knows nothing about speech.
        .target(name: "Capture", dependencies: ["CAlsa", "AudioFiles"]),
        .target(name: "History", dependencies: [
            "Analysis",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Recording or live words -> report: the recognizer factory and the one report assembler.
        .target(name: "Pipeline", dependencies: ["AudioFiles", "SpeechCore", "PocketSphinx", "Analysis"]),
        .target(name: "Reports", dependencies: ["Analysis", "History", "AudioFiles"]),
        // Voice enrollment: checks takes and adapts the acoustic model with sphinxtrain's tools.
        .target(name: "VoiceProfile", dependencies: ["PocketSphinx", "SpeechCore", "AudioFiles", "History"]),
        .target(name: "Practice", dependencies: ["Pipeline", "Reports", "Capture", "History", "SpeechCore", "AudioFiles", "Analysis", "VoiceProfile"]),
        // Runs the real pipeline over synthesized answers and measures it (rehearse eval-asr).
        .target(name: "SpeechEvaluation", dependencies: ["Pipeline", "SpeechCore", "Analysis"]),
        .executableTarget(name: "rehearse", dependencies: [
            "Pipeline", "Reports", "Practice", "History", "Analysis", "SpeechCore", "Capture", "SpeechEvaluation", "VoiceProfile",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "LanguageModelBuilder", dependencies: [
            "PocketSphinx", "CPocketSphinx", "Analysis", "AudioFiles",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Fixtures shared by the test targets (sox-made recordings, the FIFO microphone, running the built CLI).
        .target(name: "TestSupport", dependencies: ["AudioFiles", "Analysis", "History"], path: "Tests/TestSupport"),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"]),
        .testTarget(name: "AudioFilesTests", dependencies: ["AudioFiles", "TestSupport"]),
        .testTarget(name: "SpeechCoreTests", dependencies: ["SpeechCore", "AudioFiles", "Analysis", "TestSupport"]),
        .testTarget(name: "PocketSphinxTests", dependencies: ["PocketSphinx", "SpeechCore", "Pipeline", "AudioFiles", "TestSupport"]),
        .testTarget(name: "CaptureTests", dependencies: ["Capture", "Practice", "SpeechCore", "AudioFiles", "TestSupport"]),
        .testTarget(name: "PracticeTests", dependencies: ["Practice", "Pipeline", "Capture", "SpeechCore", "PocketSphinx", "AudioFiles", "Analysis", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Pipeline", "History", "Analysis", "TestSupport"]),
        .testTarget(name: "RehearseCLITests", dependencies: ["rehearse", "Pipeline", "Reports", "PocketSphinx", "TestSupport"]),
        .testTarget(name: "HistoryTests", dependencies: ["History", "Reports", "Analysis", "HistoryStress", "TestSupport"]),
        // A second process for HistoryTests to run beside itself and kill mid-save.
        .executableTarget(name: "HistoryStress", dependencies: [
            "History", "Analysis",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], path: "Tests/HistoryStress"),
        .testTarget(name: "LanguageModelBuilderTests", dependencies: ["LanguageModelBuilder", "Analysis", "PocketSphinx"]),
        .testTarget(name: "VoiceProfileTests", dependencies: ["VoiceProfile", "PocketSphinx", "Pipeline", "History", "TestSupport"]),
        .testTarget(name: "SpeechEvalTests", dependencies: ["SpeechEvaluation", "Pipeline", "SpeechCore", "PocketSphinx", "AudioFiles", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
