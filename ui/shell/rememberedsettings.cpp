#include "rememberedsettings.h"

#include "trainingtoolbar.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QMainWindow>
#include <QSettings>
#include <QTimer>

namespace {
const QString granularityKey = QStringLiteral("training/granularity");
const QString speedKey = QStringLiteral("training/speed");
const QString geometryKey = QStringLiteral("window/geometry");
} // namespace

RememberedSettings::RememberedSettings(QMainWindow *window, TrainingToolBar *toolBar)
    : QObject(window), m_window(window), m_toolBar(toolBar), m_geometryTimer(new QTimer(this))
{
    m_geometryTimer->setSingleShot(true);
    m_geometryTimer->setInterval(400);
    connect(m_geometryTimer, &QTimer::timeout, this, &RememberedSettings::saveGeometry);
    window->installEventFilter(this);
    connect(toolBar, &TrainingToolBar::granularityChanged, this,
            [this](backprop::Granularity granularity) {
                if (!m_isRestoring)
                    QSettings().setValue(granularityKey, static_cast<int>(granularity));
            });
    connect(toolBar, &TrainingToolBar::speedChanged, this, [this](double speed) {
        if (!m_isRestoring)
            QSettings().setValue(speedKey, speed);
    });
}

QStringList RememberedSettings::keys()
{
    return {granularityKey, speedKey, geometryKey};
}

void RememberedSettings::restore()
{
    m_isRestoring = true;
    QSettings settings;
    bool ok = false;
    const int granularity = settings.value(granularityKey).toInt(&ok);
    if (ok && granularity >= static_cast<int>(backprop::Granularity::Neuron)
        && granularity <= static_cast<int>(backprop::Granularity::Epoch))
        m_toolBar->setGranularity(static_cast<backprop::Granularity>(granularity));
    const double speed = settings.value(speedKey).toDouble(&ok);
    if (ok)
        m_toolBar->speedBox()->setValue(speed); // the box clamps it to its range
    const QByteArray geometry = settings.value(geometryKey).toByteArray();
    if (!geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    m_isRestoring = false;
}

bool RememberedSettings::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && !m_isRestoring) {
        switch (event->type()) {
        case QEvent::Move:
        case QEvent::Resize:
        case QEvent::WindowStateChange:
            m_geometryTimer->start();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void RememberedSettings::saveGeometry()
{
    // Presentation mode is full screen for the projector; the desk's window is what returns.
    if (m_window->isFullScreen() || !m_window->isVisible())
        return;
    QSettings().setValue(geometryKey, m_window->saveGeometry());
}
