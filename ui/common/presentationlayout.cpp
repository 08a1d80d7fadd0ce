#include "presentationlayout.h"

#include <QEvent>
#include <QSplitter>
#include <QTabWidget>

#include <algorithm>

PresentationLayout::PresentationLayout(const Panes &panes, QObject *parent)
    : QObject(parent), m_panes(panes)
{
    m_panes.centre->installEventFilter(this);
}

void PresentationLayout::enter()
{
    if (m_isOn)
        return;
    m_isOn = true;
    Panes &p = m_panes;
    m_centreState = p.centre->saveState();
    m_leftState = p.left->saveState();
    m_rightState = p.right->saveState();
    m_tableIndex = p.left->indexOf(p.table);
    m_tabIndex = p.tabs->currentIndex();

    p.tabs->addTab(p.table, tr("Data"));
    p.centre->setOrientation(Qt::Vertical);
    p.right->setOrientation(Qt::Horizontal);
    p.right->setSizes({5000, 5000});
    fit();
}

void PresentationLayout::leave()
{
    if (!m_isOn)
        return;
    m_isOn = false; // first: the panes moving back resize the centre, which must not fit()
    showOnePane(false);
    Panes &p = m_panes;
    p.tabs->removeTab(p.tabs->indexOf(p.table));
    p.left->insertWidget(std::max(0, m_tableIndex), p.table);
    p.table->show();
    p.centre->setOrientation(Qt::Horizontal);
    p.right->setOrientation(Qt::Vertical);
    p.centre->restoreState(m_centreState);
    p.left->restoreState(m_leftState);
    p.right->restoreState(m_rightState);
    p.tabs->setCurrentIndex(m_tabIndex);
}

void PresentationLayout::fit()
{
    if (!m_isOn || m_isFitting)
        return;
    m_isFitting = true;
    Panes &p = m_panes;
    const int total = p.centre->height() - p.centre->handleWidth();
    const int network = p.networkHeight ? p.networkHeight() : total / 2;
    showOnePane(total - network < smallestRowBelow);
    if (!m_isOnePane)
        p.centre->setSizes({network, total - network});
    m_isFitting = false;
}

// One pane at a time: the network and the chain rule move into the tabs (first, so Alt+1
// shows the network and Alt+2 the chain rule), and the empty left column hides.
void PresentationLayout::showOnePane(bool onePane)
{
    if (onePane == m_isOnePane)
        return;
    m_isOnePane = onePane;
    Panes &p = m_panes;
    if (onePane) {
        p.tabs->insertTab(0, p.network, tr("Network"));
        p.tabs->insertTab(1, p.chainRule, tr("Chain rule"));
        p.left->hide();
        p.tabs->setCurrentIndex(0);
        if (p.statusBar)
            p.statusBar->hide();
        return;
    }
    p.tabs->removeTab(p.tabs->indexOf(p.chainRule));
    p.tabs->removeTab(p.tabs->indexOf(p.network));
    p.left->insertWidget(0, p.network);
    p.right->insertWidget(0, p.chainRule);
    p.network->show();
    p.chainRule->show();
    p.left->show();
    if (p.statusBar)
        p.statusBar->show();
    p.right->setSizes({5000, 5000}); // the chain rule and the plots side by side again
}

bool PresentationLayout::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_panes.centre && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}
