#include "statusline.h"

#include "numberformat.h"
#include "progresstext.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

namespace {
QFrame *separator(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    return line;
}
} // namespace

StatusLine::StatusLine(QWidget *parent)
    : QWidget(parent), m_progress(new QLabel(this)), m_epoch(new QLabel(this)),
      m_error(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(separator(this));
    layout->addWidget(m_epoch);
    layout->addWidget(separator(this));
    layout->addWidget(m_error);
    m_progress->setToolTip(tr("Where the current iteration stands; the network view's "
                              "heading says the same"));
    m_epoch->setToolTip(tr("Passes over the whole data set"));
    m_error->setToolTip(tr("E_total over every sample of the data set, at the current weights"));
}

void StatusLine::showSnapshot(const backprop::Snapshot &snapshot)
{
    const QString next = ProgressText::nextStep(snapshot);
    m_progress->setText(next.isEmpty() ? ProgressText::heading(snapshot)
                                       : tr("%1 · %2").arg(ProgressText::heading(snapshot), next));
    m_epoch->setText(tr("Epoch %1").arg(snapshot.state.epoch + 1));
    m_error->setText(
        QStringLiteral("E_total = %1").arg(NumberFormat::lesson(snapshot.datasetLoss)));
}

QString StatusLine::text() const
{
    return QStringList {m_progress->text(), m_epoch->text(), m_error->text()}.join(
        QStringLiteral(" | "));
}
