// The network graph: the engine's values appear at the chosen precision, phases change what
// is drawn, labels do not overlap, and edits are reported (or refused) but never applied.

#include "networkview.h"
#include "theme.h"
#include "uitesthelpers.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace backprop;

class TestNetworkView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Trainer> m_trainer;
    std::unique_ptr<NetworkView> m_view;

    ParameterId parameter(const char *name) const
    {
        const std::optional<ParameterId> id = m_trainer->network().findParameter(name);
        if (!id)
            qFatal("no parameter %s", name);
        return *id;
    }

    void showSnapshot() { m_view->setSnapshot(takeSnapshot(*m_trainer)); }

    QLineEdit *openEditorOn(const char *name)
    {
        const std::optional<QPointF> position = m_view->parameterPosition(parameter(name));
        if (!position)
            return nullptr;
        QTest::mouseDClick(m_view.get(), Qt::LeftButton, {}, position->toPoint());
        auto *editor = m_view->findChild<QLineEdit *>();
        return editor && editor->isVisible() ? editor : nullptr;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void init()
    {
        m_trainer = uitest::trainerFor(testlessons::twoTwoTwo());
        m_view = std::make_unique<NetworkView>();
        m_view->resize(1000, 640);
        showSnapshot();
    }
    // A test that sets presentation mode's type floor leaves none behind, even when it fails.
    void cleanup() { Theme::setMinimumFontPixels(0.0); }

    void forwardPhasesShowTheEngineValues()
    {
        const QImage before = uitest::grabAndSave(*m_view, QStringLiteral("network-start"));
        QVERIFY(uitest::hasContent(before));
        QVERIFY(!m_view->labelTexts().join('\n').contains(QStringLiteral("out_h1")));

        m_trainer->step(Granularity::Phase);
        showSnapshot();
        const QStringList hidden = m_view->labelTexts();
        QVERIFY2(hidden.contains(QStringLiteral("out_h1 = 0.59327")), qPrintable(hidden.join('|')));
        QVERIFY(hidden.contains(QStringLiteral("out_h2 = 0.596884")));
        QVERIFY(!hidden.join('\n').contains(QStringLiteral("out_o1")));
        const QImage afterHidden = uitest::grabAndSave(*m_view, QStringLiteral("network-forward1"));
        QVERIFY(uitest::hasContent(afterHidden));
        QVERIFY(afterHidden != before);

        m_trainer->step(Granularity::Phase);
        showSnapshot();
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("out_o1 = 0.751365")));
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("out_o2 = 0.772928")));
        const QImage afterOutput = uitest::grabAndSave(*m_view, QStringLiteral("network-forward2"));
        QVERIFY(afterOutput != afterHidden);
    }

    void precisionControlsTheDigits_data()
    {
        QTest::addColumn<int>("precision");
        QTest::addColumn<QString>("expected");
        // Significant digits; trailing zeros dropped (0.593270 reads 0.59327).
        QTest::newRow("default") << NetworkView::defaultPrecision << "out_h1 = 0.59327";
        QTest::newRow("lesson") << 9 << "out_h1 = 0.593269992";
        QTest::newRow("three") << 3 << "out_h1 = 0.593";
        QTest::newRow("clamped below") << 1 << "out_h1 = 0.593";
        QTest::newRow("clamped above") << 12 << "out_h1 = 0.593269992";
    }

    void precisionControlsTheDigits()
    {
        QFETCH(int, precision);
        QFETCH(QString, expected);
        m_trainer->step(Granularity::Phase);
        m_view->setPrecision(precision);
        showSnapshot();
        QVERIFY2(m_view->labelTexts().contains(expected),
                 qPrintable(m_view->labelTexts().join('|')));
    }

    void backwardPhasesShowDeltasGradientsAndUpdates()
    {
        m_view->setPrecision(9);
        m_trainer->step(Granularity::ForwardPass);
        showSnapshot();
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("E_total = 0.298371109")));
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("E_o1 = 0.274811083")));

        m_trainer->step(Granularity::Phase); // output deltas
        showSnapshot();
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("δ_o1 = 0.138498562")));
        QVERIFY(!m_view->labelTexts().join('\n').contains(QStringLiteral("δ_h1")));
        uitest::grabAndSave(*m_view, QStringLiteral("network-output-deltas"));

        m_trainer->step(Granularity::Phase); // gradients of the output layer
        showSnapshot();
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("∂E_total/∂w5 = 0.0821670406")));
        QVERIFY(!m_view->labelTexts().join('\n').contains(QStringLiteral("∂E_total/∂w1")));
        uitest::grabAndSave(*m_view, QStringLiteral("network-gradients2"));

        m_trainer->step(Granularity::BackwardPass);
        m_trainer->step(Granularity::Phase); // the update
        showSnapshot();
        const QStringList texts = m_view->labelTexts();
        QVERIFY2(texts.contains(QStringLiteral("w5⁺ = 0.35891648")), qPrintable(texts.join('|')));
        QVERIFY(texts.contains(QStringLiteral("w5 = 0.4")));
        QVERIFY(texts.contains(QStringLiteral("w1⁺ = 0.149780716")));
        QVERIFY(texts.contains(QStringLiteral("w8⁺ = 0.561370121")));
        // b1 and b2 are frozen in this lesson: no update to show.
        QVERIFY(!texts.join('\n').contains(QStringLiteral("b1⁺")));
        uitest::grabAndSave(*m_view, QStringLiteral("network-update"));
    }

    void labelsNeverOverlap()
    {
        // Every phase of an iteration and the moment it finishes (every neuron full, every
        // weight as w → w⁺ with its gradient), at 4 and at 9 decimals.
        const QList<std::pair<int, QSize>> cases {{4, QSize(1000, 640)}, {9, QSize(1200, 720)}};
        for (const auto &[precision, size] : cases) {
            m_trainer = uitest::trainerFor(testlessons::twoTwoTwo());
            m_view->resize(size);
            m_view->setPrecision(precision);
            for (int phase = 0; phase <= static_cast<int>(m_trainer->phases().size()); ++phase) {
                showSnapshot();
                const NetworkScene &scene = m_view->scene();
                QList<QRectF> boxes;
                for (const NetworkScene::Node &node : scene.nodes)
                    boxes.append(node.rect);
                for (const NetworkScene::BiasNode &bias : scene.biasNodes)
                    boxes.append(bias.labelRect);
                int labels = 0;
                for (const NetworkScene::Edge &edge : scene.edges) {
                    if (!edge.labelRect.isEmpty()) {
                        boxes.append(edge.labelRect);
                        ++labels;
                    }
                }
                if (labels != 8)
                    uitest::grabAndSave(
                        *m_view, QStringLiteral("network-overlap-%1-%2").arg(precision).arg(phase));
                QCOMPARE(labels, 8);
                QCOMPARE(scene.hiddenLabelCount, 0);
                for (int a = 0; a < boxes.size(); ++a) {
                    QVERIFY(QRectF(m_view->rect()).contains(boxes[a]));
                    for (int b = a + 1; b < boxes.size(); ++b)
                        QVERIFY2(
                            !boxes[a].intersects(boxes[b]),
                            qPrintable(QStringLiteral("precision %1, phase %2: boxes %3 and %4")
                                           .arg(precision)
                                           .arg(phase)
                                           .arg(a)
                                           .arg(b)));
                }
                m_trainer->step(Granularity::Phase);
            }
        }
    }

    // Issue 12: a 2-4-4-2 network on a 1280×720 projector (24 px type, the Network pane under
    // the tabs and the narration). Compact neurons leave most weights unlabelled (28 of 32
    // were hidden), so the neurons show their names alone and the labels get the room; the
    // placement then moves labels aside to make room for hidden ones. Every phase: the
    // neurons past the inputs show no line, at most 6 labels stay hidden, none overlaps a
    // neuron or another label, and the view says why the neurons are bare.
    void aDenseNetworkOnAProjectorShowsNeuronsByName()
    {
        Theme::setMinimumFontPixels(24.0);
        m_trainer = uitest::trainerFor(testlessons::twoFourFourTwo());
        m_view->resize(1280, 610);
        int mostHidden = 0;
        for (int phase = 0; phase <= static_cast<int>(m_trainer->phases().size()); ++phase) {
            showSnapshot();
            const NetworkScene &scene = m_view->scene();
            QCOMPARE(scene.nameOnlyNeuronCount, 10);
            QList<QRectF> boxes;
            for (const NetworkScene::Node &node : scene.nodes) {
                if (node.column > 0)
                    QVERIFY(node.lines.isEmpty());
                boxes.append(node.rect);
            }
            int labels = 0;
            for (const NetworkScene::Edge &edge : scene.edges) {
                if (!edge.labelRect.isEmpty()) {
                    boxes.append(edge.labelRect);
                    ++labels;
                }
            }
            QCOMPARE(labels + scene.hiddenLabelCount, 32);
            mostHidden = std::max(mostHidden, scene.hiddenLabelCount);
            // Labels may share a sliver of their padding (a quarter of a character's square).
            const double sliver = 0.25 * scene.fontPixelSize * scene.fontPixelSize;
            for (int a = 0; a < boxes.size(); ++a) {
                QVERIFY(QRectF(m_view->rect()).contains(boxes[a]));
                for (int b = a + 1; b < boxes.size(); ++b) {
                    const QRectF both = boxes[a].intersected(boxes[b]);
                    QVERIFY2(both.isEmpty() || both.width() * both.height() < sliver,
                             qPrintable(QStringLiteral("phase %1: boxes %2 and %3 overlap")
                                            .arg(phase)
                                            .arg(a)
                                            .arg(b)));
                }
            }
            m_trainer->step(Granularity::Phase);
        }
        QVERIFY2(mostHidden <= 6, qPrintable(QString::number(mostHidden)));
    }

    // The arrangement a search chose (names-only neurons, shortened gaps) is remembered by
    // moment and size, so a run showing the same moment does not search again: the scene
    // built from the memory is the scene the search built, label for label.
    void aRememberedArrangementGivesTheSameScene()
    {
        Theme::setMinimumFontPixels(24.0);
        m_trainer = uitest::trainerFor(testlessons::twoFourFourTwo());
        m_view->resize(1280, 610);
        for (int phase = 0; phase <= static_cast<int>(m_trainer->phases().size()); ++phase) {
            showSnapshot();
            const NetworkScene searched = m_view->scene();
            m_view->setSnapshot(takeSnapshot(*m_trainer)); // the same moment again
            const NetworkScene &remembered = m_view->scene();
            QCOMPARE(remembered.nameOnlyNeuronCount, searched.nameOnlyNeuronCount);
            QCOMPARE(remembered.arrangement.compactColumns, searched.arrangement.compactColumns);
            QCOMPARE(remembered.arrangement.shortenedLayers, searched.arrangement.shortenedLayers);
            QCOMPARE(remembered.hiddenLabelCount, searched.hiddenLabelCount);
            QCOMPARE(remembered.edges.size(), searched.edges.size());
            for (qsizetype e = 0; e < searched.edges.size(); ++e)
                QCOMPARE(remembered.edges[e].labelRect, searched.edges[e].labelRect);
            m_trainer->step(Granularity::Phase);
        }
    }

    void neuronSteppingRevealsOneNeuronAtATime()
    {
        m_trainer->step(Granularity::Neuron);
        showSnapshot();
        const QString texts = m_view->labelTexts().join('\n');
        QVERIFY2(texts.contains(QStringLiteral("out_h1 = 0.59327")), qPrintable(texts));
        QVERIFY(!texts.contains(QStringLiteral("out_h2")));
        const QImage one = uitest::grabAndSave(*m_view, QStringLiteral("network-neuron1"));

        m_trainer->step(Granularity::Neuron);
        showSnapshot();
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("out_h2 = 0.596884")));
        QVERIFY(m_view->grab().toImage() != one);
    }

    void clickSelectsAndDoubleClickEdits()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        const ParameterId w5 = parameter("w5");
        const std::optional<QPointF> position = m_view->parameterPosition(w5);
        QVERIFY(position);
        QCOMPARE(m_view->parameterAt(*position), std::optional<ParameterId>(w5));

        QSignalSpy selected(m_view.get(), &NetworkView::parameterSelected);
        QSignalSpy edited(m_view.get(), &NetworkView::parameterEdited);
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, position->toPoint());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.first().first().value<ParameterId>(), w5);

        QLineEdit *editor = openEditorOn("w5");
        QVERIFY(editor);
        QCOMPARE(editor->text(), QStringLiteral("0.4"));
        uitest::grabAndSave(*m_view, QStringLiteral("network-editing"));
        QTest::keyClicks(editor, QStringLiteral("0.5"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.first().at(0).value<ParameterId>(), w5);
        QCOMPARE(edited.first().at(1).toDouble(), 0.5);
        QVERIFY(!m_view->isEditing());
        // The view reports the edit; the engine's value is unchanged until it says otherwise.
        QCOMPARE(m_trainer->network().value(w5), 0.4);
    }

    void enterOnTheSelectionOpensTheEditor()
    {
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_view->setFocus();
        m_view->selectParameter(parameter("b2"));
        QVERIFY(!m_view->isEditing());
        QTest::keyClick(m_view.get(), Qt::Key_Return);
        QVERIFY(m_view->isEditing());
        auto *editor = m_view->findChild<QLineEdit *>();
        QCOMPARE(editor->text(), QStringLiteral("0.6"));
        QTest::keyClick(editor, Qt::Key_Escape);
        QVERIFY(!m_view->isEditing());
    }

    void garbageIsRefused_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("letters") << "abc";
        QTest::newRow("overflow") << "1e999";
        QTest::newRow("nan") << "nan";
        QTest::newRow("infinity") << "inf";
        QTest::newRow("empty") << "";
        QTest::newRow("two points") << "0.1.2";
    }

    void garbageIsRefused()
    {
        QFETCH(QString, typed);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QSignalSpy edited(m_view.get(), &NetworkView::parameterEdited);
        QSignalSpy refused(m_view.get(), &NetworkView::editRefused);
        QLineEdit *editor = openEditorOn("w5");
        QVERIFY(editor);
        editor->clear();
        QTest::keyClicks(editor, typed);
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(edited.count(), 0);
        QCOMPARE(refused.count(), 1);
        const QString message = refused.first().first().toString();
        QVERIFY(message.contains(QStringLiteral("w5")));
        QVERIFY(message.contains(QStringLiteral("0.4")));
        QCOMPARE(m_view->refusalMessage(), message);
        QVERIFY(m_view->labelTexts().contains(message));
        QVERIFY(m_view->isEditing()); // the user can correct the text
        const QImage image = uitest::grabAndSave(*m_view, QStringLiteral("network-refused"));
        const int red = uitest::countPixels(
            image, [](QColor c) { return c.red() > 150 && c.green() < 80 && c.blue() < 80; });
        QVERIFY2(red > 50, qPrintable(QString::number(red)));

        // A valid value afterwards is accepted and clears the message.
        editor->clear();
        QTest::keyClicks(editor, QStringLiteral("-0.25"));
        QTest::keyClick(editor, Qt::Key_Return);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.first().at(1).toDouble(), -0.25);
        QVERIFY(m_view->refusalMessage().isEmpty());
    }

    void scaleEnlargesFontsAndLines()
    {
        m_trainer->step(Granularity::Phase);
        showSnapshot();
        const double font = m_view->fontPixelSize();
        const double unit = m_view->scene().unit;
        const QRectF label = m_view->scene().edges.first().labelRect;
        m_view->resize(2800, 1400);
        m_view->setScale(1.0);
        const double fontLarge = m_view->fontPixelSize();
        m_view->setScale(2.0);
        QCOMPARE(m_view->fontPixelSize(), 2.0 * fontLarge);
        QVERIFY(m_view->scene().unit > unit);
        QVERIFY(m_view->scene().edges.first().labelRect.height() > label.height());
        uitest::grabAndSave(*m_view, QStringLiteral("network-scale2"));
        QVERIFY(fontLarge >= font);

        // Where twice the type would not fit, the scale stops at what fits.
        m_view->resize(1420, 520);
        m_view->setScale(1.0);
        const double fontSmall = m_view->fontPixelSize();
        m_view->setScale(2.0);
        QVERIFY(m_view->fontPixelSize() > fontSmall);
        QVERIFY(m_view->fontPixelSize() < 2.0 * fontSmall);
    }

    // A frame of a training run changes the numbers, not the network: the texts follow the
    // new snapshot, and a change of size, type size or digits lays the view out again.
    void newNumbersOfTheSameNetworkAreShown()
    {
        m_view->show(); // a hidden widget gets its resize event only when shown
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_trainer->step(Granularity::Phase);
        showSnapshot();
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("w1 = 0.15")));
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("out_h1 = 0.59327")));
        const QRectF nodeBefore = m_view->scene().nodes.first().rect;
        const double fontBefore = m_view->fontPixelSize();

        m_trainer->step(Granularity::Iteration);
        m_trainer->step(Granularity::Phase);
        showSnapshot();
        const QStringList texts = m_view->labelTexts();
        QVERIFY2(texts.contains(QStringLiteral("w1 = 0.149781")), qPrintable(texts.join('|')));
        QVERIFY(!texts.contains(QStringLiteral("w1 = 0.15")));
        QCOMPARE(m_view->scene().nodes.first().rect, nodeBefore);

        m_view->setPrecision(9);
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("w1 = 0.149780716")));
        // More digits: wider texts, laid out again (in wider boxes or smaller type).
        QVERIFY(m_view->scene().nodes.first().rect != nodeBefore
                || m_view->fontPixelSize() != fontBefore);
        m_view->setPrecision(NetworkView::defaultPrecision);
        QCOMPARE(m_view->scene().nodes.first().rect, nodeBefore);

        m_view->resize(1400, 900);
        QVERIFY(m_view->scene().nodes.first().rect != nodeBefore);
        const double font = m_view->fontPixelSize();
        m_view->setScale(1.5);
        QVERIFY(m_view->fontPixelSize() > font);
        QVERIFY(m_view->labelTexts().contains(QStringLiteral("w1 = 0.149781")));
    }

    // A run's frames draw a dense network's edges without antialiasing (Qt 6 rasterises
    // them several times faster); paused, the same picture is antialiased again. A network of
    // at most NetworkPainter::movingEdgesAliased edges is always antialiased.
    void aRunDrawsDenseEdgesAliased_data()
    {
        QTest::addColumn<Lesson>("lesson");
        QTest::addColumn<bool>("aliasedWhileMoving");
        QTest::newRow("two-two-two") << testlessons::twoTwoTwo() << false;
        QTest::newRow("2-16-16-16-1") << testlessons::circleClassifier({16, 16, 16}, 4) << true;
    }

    void aRunDrawsDenseEdgesAliased()
    {
        QFETCH(Lesson, lesson);
        QFETCH(bool, aliasedWhileMoving);
        m_trainer = uitest::trainerFor(lesson);
        m_trainer->step(Granularity::Phase);
        showSnapshot();
        const auto rendered = [this] {
            QImage image(m_view->size(), QImage::Format_ARGB32_Premultiplied);
            m_view->render(&image);
            return image;
        };
        // Antialiased edges blend into the background: colours neither theirs nor its.
        const auto blendedPixels = [](const QImage &image) {
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 2) {
                const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
                for (int x = 0; x < image.width(); x += 2)
                    colours.insert(line[x]);
            }
            return colours.size();
        };
        const QImage paused = rendered();
        m_view->setMoving(true);
        QVERIFY(m_view->isMoving());
        const QImage moving = rendered();
        QCOMPARE(moving != paused, aliasedWhileMoving);
        if (aliasedWhileMoving)
            QVERIFY(blendedPixels(moving) < blendedPixels(paused));
        m_view->setMoving(false);
        QCOMPARE(rendered(), paused);
    }

    void largeNetworksAreDrawnWithoutLabels()
    {
        Lesson lesson = testlessons::twoTwoTwo();
        Network &network = lesson.network;
        network.inputCount = 20;
        Layer hidden = network.layers[0];
        hidden.weights = Eigen::MatrixXd::Random(20, 20);
        Layer output = network.layers[1];
        output.weights = Eigen::MatrixXd::Random(2, 20);
        network.layers = {hidden, output};
        network.neuronNames.clear();
        network.weightNames.clear();
        network.biasNames.clear();
        network.assignDefaultNames();
        lesson.dataset.inputs = Eigen::MatrixXd::Constant(20, 1, 0.1);
        m_trainer = uitest::trainerFor(lesson);
        m_trainer->step(Granularity::Phase);
        showSnapshot();
        QVERIFY(!m_view->scene().isLabelled);
        QVERIFY(!m_view->labelTexts().join('\n').contains(QStringLiteral("out_")));
        QVERIFY(uitest::hasContent(uitest::grabAndSave(*m_view, QStringLiteral("network-large"))));
        // Edges can still be picked, and the selected one shows its value.
        const QPointF middle =
            (m_view->scene().edges.first().from + m_view->scene().edges.first().to) / 2;
        const std::optional<ParameterId> picked = m_view->parameterAt(middle);
        QVERIFY(picked);
        m_view->selectParameter(*picked);
        QVERIFY(m_view->labelTexts().join('\n').contains(
            QString::fromStdString(network.nameOf(*picked))));
    }
};

QTEST_MAIN(TestNetworkView)
#include "tst_networkview.moc"
