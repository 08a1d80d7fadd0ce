// Pointing at a neuron in the network view shows that neuron over the input plane: the
// view signals which neuron the pointer is on and when it leaves; the input-plane view
// shows the hovered neuron (caption and grid) and goes back to the combo box's choice; a
// thumbnail of the same picture floats beside the neuron when the input plane is not in
// front; networks without two inputs show nothing.

#include "datamenu.h"
#include "decisionboundaryview.h"
#include "lessonlibrary.h"
#include "neuronhoverpreview.h"
#include "windowrig.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>

using namespace backprop;
using windowtest::WindowRig;

namespace {

using Neuron = std::pair<int, Eigen::Index>;

DecisionBoundaryView *boundaryOf(const WindowRig &rig)
{
    return rig.window->findChild<DataMenu *>()->boundaryView();
}

QLabel *thumbnailOf(const WindowRig &rig)
{
    return rig.window->findChild<NeuronHoverPreview *>()->thumbnail();
}

// The centre of a neuron as drawn (layer: index into Network::layers; −1: the inputs).
QPoint centreOf(const NetworkView *view, int layer, Eigen::Index neuron)
{
    if (layer < 0) {
        for (const NetworkScene::Node &node : view->scene().nodes) {
            if (node.column == 0 && node.neuron == neuron)
                return node.rect.center().toPoint();
        }
        qFatal("no input %lld", static_cast<long long>(neuron));
    }
    const std::optional<QRectF> rect = view->neuronRect(layer, neuron);
    if (!rect)
        qFatal("no neuron %d/%lld", layer, static_cast<long long>(neuron));
    return rect->center().toPoint();
}

// A point of the view over no neuron (the heading's corner).
QPoint emptyPoint(const NetworkView *view)
{
    const QPoint point(3, 3);
    if (view->neuronAt(point))
        qFatal("the corner is on a neuron");
    return point;
}

bool gridShows(const DecisionBoundaryView *view, Neuron neuron)
{
    return view->grid() && view->grid()->layer == neuron.first
        && view->grid()->neuron == neuron.second;
}

} // namespace

class TestNeuronHover : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { windowtest::prepareSuite(); }

    void hoverShowsTheNeuronAndLeavingGoesBack()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        DecisionBoundaryView *boundary = boundaryOf(rig);
        rig.window->curveTabs()->setCurrentWidget(boundary);
        QTRY_VERIFY(gridShows(boundary, Neuron {1, 0})); // o1, the combo box's first entry
        QVERIFY(boundary->caption().contains(QStringLiteral("out_o1 over the input plane")));
        NetworkView *view = rig.window->networkView();
        QSignalSpy hovered(view, &NetworkView::neuronHovered);
        QSignalSpy ended(view, &NetworkView::neuronHoverEnded);

        QTest::mouseMove(view, centreOf(view, 0, 1)); // h2
        QTRY_COMPARE(hovered.count(), 1);
        QCOMPARE(hovered.at(0).at(0).toInt(), 0);
        QCOMPARE(hovered.at(0).at(1).value<Eigen::Index>(), Eigen::Index(1));
        QCOMPARE(boundary->shownNeuron(), std::optional<Neuron>(Neuron {0, 1}));
        QVERIFY2(boundary->caption().contains(QStringLiteral("out_h2 over the input plane")),
                 qPrintable(boundary->caption()));
        QCOMPARE(boundary->neuronBox()->currentText(), QStringLiteral("o1")); // not changed
        QTRY_VERIFY(gridShows(boundary, Neuron {0, 1}));
        // The input plane is in front, so no thumbnail covers the network.
        QVERIFY(!thumbnailOf(rig)->isVisible());

        // Straight onto another neuron: a new hover, no end in between.
        QTest::mouseMove(view, centreOf(view, 1, 1)); // o2
        QTRY_COMPARE(hovered.count(), 2);
        QCOMPARE(hovered.at(1).at(0).toInt(), 1);
        QCOMPARE(hovered.at(1).at(1).value<Eigen::Index>(), Eigen::Index(1));
        QCOMPARE(ended.count(), 0);
        QTRY_VERIFY(gridShows(boundary, Neuron {1, 1}));

        QTest::mouseMove(view, emptyPoint(view));
        QTRY_COMPARE(ended.count(), 1);
        QCOMPARE(hovered.count(), 2);
        QVERIFY(!boundary->isPreviewing());
        QCOMPARE(boundary->shownNeuron(), std::optional<Neuron>(Neuron {1, 0}));
        QVERIFY(boundary->caption().contains(QStringLiteral("out_o1 over the input plane")));
        QTRY_VERIFY(gridShows(boundary, Neuron {1, 0}));
    }

    void inputsAreNotNeuronsToShow()
    {
        WindowRig rig(testlessons::twoTwoTwo());
        NetworkView *view = rig.window->networkView();
        QSignalSpy hovered(view, &NetworkView::neuronHovered);
        QTest::mouseMove(view, centreOf(view, -1, 0)); // i1
        QTest::qWait(20);
        QCOMPARE(hovered.count(), 0);
        QVERIFY(!boundaryOf(rig)->isPreviewing());
    }

    void thumbnailWhenTheInputPlaneIsBehind()
    {
        WindowRig rig(std::get<Lesson>(LessonLibrary::load("xor")));
        rig.window->curveTabs()->setCurrentIndex(0); // E(w) in front
        DecisionBoundaryView *boundary = boundaryOf(rig);
        QVERIFY(!boundary->isVisible());
        NetworkView *view = rig.window->networkView();
        QLabel *thumbnail = thumbnailOf(rig);

        QTest::mouseMove(view, centreOf(view, 0, 0)); // h1
        // The hidden view still asks for the hovered neuron's grid, for the thumbnail.
        QTRY_VERIFY(gridShows(boundary, Neuron {0, 0}));
        QTRY_VERIFY(thumbnail->isVisible());
        const QImage shown = thumbnail->pixmap().toImage().convertToFormat(QImage::Format_RGB32);
        const int side = NeuronHoverPreview::thumbnailSize;
        QCOMPARE(shown.width(), side);
        QVERIFY(shown.height() > side); // the picture and its caption
        uitest::grabAndSave(*thumbnail, QStringLiteral("hover-thumbnail"));
        // The view's own picture of that neuron, pixel for pixel.
        QCOMPARE(shown.copy(0, 0, side, side), boundary->picture(QSize(side, side)));
        QVERIFY(uitest::hasContent(shown.copy(0, 0, side, side), 16));
        // Beside the neuron, not over it.
        const QRect neuron = view->neuronRect(0, 0)->toRect();
        QVERIFY(thumbnail->geometry().left() > view->mapToGlobal(neuron.topRight()).x());

        QTest::mouseMove(view, emptyPoint(view));
        QTRY_VERIFY(!thumbnail->isVisible());
        QVERIFY(!boundary->isPreviewing());
    }

    void networksWithoutTwoInputsShowNothing()
    {
        WindowRig rig(testlessons::oneWeight());
        rig.window->curveTabs()->setCurrentIndex(0);
        NetworkView *view = rig.window->networkView();
        QSignalSpy hovered(view, &NetworkView::neuronHovered);
        QTest::mouseMove(view, centreOf(view, 0, 0));
        QTRY_COMPARE(hovered.count(), 1); // the view reports it ...
        QTest::qWait(100);
        DecisionBoundaryView *boundary = boundaryOf(rig);
        QVERIFY(!boundary->isPreviewing()); // ... and nothing shows it
        QVERIFY(!boundary->grid());
        QVERIFY(!thumbnailOf(rig)->isVisible());
    }
};

QTEST_MAIN(TestNeuronHover)
#include "tst_neuronhover.moc"
