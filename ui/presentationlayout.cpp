#include "presentationlayout.h"

#include <QSplitter>
#include <QTabWidget>

#include <algorithm>

PresentationLayout::PresentationLayout(const Panes &panes) : m_panes(panes) { }

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
    // The network gets most of the height: its type is what the back row must read.
    // (setSizes shares the splitter's room out by these weights.)
    p.centre->setSizes({6800, 3200});
    p.right->setSizes({5000, 5000});
}

void PresentationLayout::leave()
{
    if (!m_isOn)
        return;
    m_isOn = false;
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
