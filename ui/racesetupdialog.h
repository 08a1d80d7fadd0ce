#pragma once

#include "workermetatypes.h"

#include <QDialog>

#include <array>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

// Training ▸ Compare optimizers…: the racers (2 to 5, each an optimizer with its own learning
// rate; the other settings are the lesson's, with PyTorch's defaults), the two parameters
// whose paths are drawn and the E_total to reach. A learning rate or threshold that is not a
// number, fewer than two racers or the same parameter twice is said in the dialog, which
// stays open; nothing starts.
class RaceSetupDialog : public QDialog
{
    Q_OBJECT

public:
    static constexpr int rows = 5;

    // `names`: the lesson's weights and biases; `watched`: the pair chosen at first.
    RaceSetupDialog(const backprop::OptimizerSettings &lessonSettings,
                    const std::vector<std::string> &names,
                    const std::pair<std::string, std::string> &watched, QWidget *parent = nullptr);

    // The race as entered; valid once the dialog was accepted.
    backprop::RaceRequest request() const { return m_request; }
    void accept() override;

    QCheckBox *racerBox(int row) const { return m_racers[static_cast<std::size_t>(row)].box; }
    QComboBox *optimizerBox(int row) const
    {
        return m_racers[static_cast<std::size_t>(row)].optimizer;
    }
    QLineEdit *rateEdit(int row) const { return m_racers[static_cast<std::size_t>(row)].rate; }
    QComboBox *watchedABox() const { return m_watchedA; }
    QComboBox *watchedBBox() const { return m_watchedB; }
    QLineEdit *thresholdEdit() const { return m_threshold; }
    QString message() const;

private:
    struct Row
    {
        QCheckBox *box = nullptr;
        QComboBox *optimizer = nullptr;
        QLineEdit *rate = nullptr;
    };
    // Empty and the request filled in, or what is wrong.
    QString read();

    backprop::OptimizerSettings m_lessonSettings;
    std::array<Row, rows> m_racers;
    QComboBox *m_watchedA = nullptr;
    QComboBox *m_watchedB = nullptr;
    QLineEdit *m_threshold = nullptr;
    QLabel *m_message = nullptr;
    backprop::RaceRequest m_request;
};
